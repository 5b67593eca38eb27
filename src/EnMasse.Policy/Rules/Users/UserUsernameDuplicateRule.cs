using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.username-duplicate</c>: no two MessagingUsers of one address space share spec.username.</summary>
public sealed class UserUsernameDuplicateRule : TenantRule<MessagingUserObject>
{
    public override string Id => RuleIds.UserUsernameDuplicate;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "no two MessagingUsers of one address space share spec.username (EnMasse 0.27-0.30 refuse the second; 0.31+ silently share one Keycloak user)";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        // An update that keeps the username is EnMasse writing status, or a tenant changing grants:
        // the name clash predates it. An audit reports the clash at both users.
        if (subject.Username is not { } username || subject.SpaceName is not { Length: > 0 } space
            || (context.KeepsFrom<MessagingUserObject>(out var old) && old.Username?.Value == username.Value))
        {
            return;
        }

        foreach (var other in context.Catalog.UsersWith(subject.Namespace, space, username.Value))
        {
            if (other.Name != subject.Name)
            {
                var what = context.Release.AtMost(30)
                    ? $"{context.Release.Label} refuses the second (User '{username.Value}' already exists)"
                    : $"{context.Release.Label} would silently give both objects one Keycloak user: each overwrites the other's password and grants, and deleting either deletes the user";
                context.Report(username, $"username \"{username.Value}\" is already used by MessagingUser \"{other.Name}\" in address space \"{space}\"; {what}");
                return;
            }
        }
    }
}

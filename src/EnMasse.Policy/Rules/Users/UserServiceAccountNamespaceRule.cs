using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.serviceaccount-namespace</c>: a tenant may grant messaging access only to its own service accounts, unless the policy allows more.</summary>
public sealed class UserServiceAccountNamespaceRule : TenantRule<MessagingUserObject>
{
    public override string Id => RuleIds.UserServiceAccountNamespace;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "a serviceaccount user's namespace equals the MessagingUser's namespace, unless the policy grants the pair";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (subject.AuthenticationType?.Value != "serviceaccount" || subject.Username is not { } username
            || !ServiceAccountName.TryParse(username.Value, out var accountNamespace, out var account)
            || accountNamespace == subject.Namespace)
        {
            return;
        }

        var granted = context.Policy.ServiceAccountGrants
            .Any(g => g.Namespace == subject.Namespace && g.ServiceAccountNamespaces.Contains(accountNamespace));
        if (!granted)
        {
            context.Report(username, $"service account \"{account}\" belongs to namespace \"{accountNamespace}\", not \"{subject.Namespace}\"; a MessagingUser may only authenticate service accounts of its own namespace (a platform team can allow this pair in the policy's serviceAccountUsers.allowFrom)");
        }
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.immutable</c>: an update keeps spec.username and spec.authentication.type.</summary>
public sealed class UserImmutableRule : TenantRule<MessagingUserObject>
{
    public override string Id => RuleIds.UserImmutable;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override bool JudgesChangeOnly => true;

    public override string Summary => "on UPDATE, spec.username and spec.authentication.type do not change";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (context.Operation != Operation.Update || context.Old is not MessagingUserObject old)
        {
            return;
        }

        Compare("spec.username", old.Username, subject.Username, "create a new MessagingUser for the new name", context);
        Compare("spec.authentication.type", old.AuthenticationType, subject.AuthenticationType, "create a new MessagingUser instead", context);
    }

    private static void Compare(string field, Text? before, Text? after, string fix, RuleContext context)
    {
        if (before is not null && after is not null && before.Value != after.Value)
        {
            context.Report(after, $"{field} cannot change from \"{before.Value}\" to \"{after.Value}\"; {fix}");
        }
    }
}

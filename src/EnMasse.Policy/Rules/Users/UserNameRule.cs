using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.name</c>: the name is <c>&lt;addressspace&gt;.&lt;name&gt;</c>.</summary>
public sealed class UserNameRule : TenantRule<MessagingUserObject>
{
    public override string Id => RuleIds.UserName;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "metadata.name is <addressspace>.<name>, as for addresses";

    protected override void Check(MessagingUserObject subject, RuleContext context) => ScopedNameCheck.Check(subject, "MessagingUser", context);
}

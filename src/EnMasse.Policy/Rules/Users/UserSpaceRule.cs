using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.space</c>: the address space of the name prefix exists.</summary>
public sealed class UserSpaceRule : TenantRule<MessagingUserObject>
{
    public override string Id => RuleIds.UserSpace;

    /// <summary>A warning at admission: the AddressSpace may come later in the same apply (see <see cref="IRule.AdmissionSeverity"/>).</summary>
    public override Severity AdmissionSeverity => Severity.Warning;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "the address space named by the prefix exists in the same namespace";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (subject.SpaceName is not { Length: > 0 } space || SpaceLookup.Find(context, space) is not null)
        {
            return;
        }

        context.Report(subject.NameNode, SpaceLookup.Missing("MessagingUser", space, subject.Namespace));
    }
}

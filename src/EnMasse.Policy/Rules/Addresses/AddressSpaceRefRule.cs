using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.space</c>: the address space of the name prefix exists in the namespace.</summary>
public sealed class AddressSpaceRefRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressSpaceRef;

    /// <summary>A warning at admission: the AddressSpace may come later in the same apply (see <see cref="IRule.AdmissionSeverity"/>).</summary>
    public override Severity AdmissionSeverity => Severity.Warning;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "the address space named by the prefix exists in the same namespace";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.SpaceName is not { Length: > 0 } space || SpaceLookup.Find(context, space) is not null)
        {
            return;
        }

        context.Report(subject.NameNode, SpaceLookup.Missing("Address", space, subject.Namespace));
    }
}

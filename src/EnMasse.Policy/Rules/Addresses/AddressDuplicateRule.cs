using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.duplicate</c>: no other Address of the space has the same spec.address.</summary>
public sealed class AddressDuplicateRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressDuplicate;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "no two Addresses of one address space share spec.address";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Address is not { } address || subject.SpaceName is not { Length: > 0 } space)
        {
            return;
        }

        foreach (var other in context.Catalog.AddressesWith(subject.Namespace, space, address.Value))
        {
            if (other.Name != subject.Name)
            {
                context.Report(address, $"address \"{address.Value}\" is already used by Address \"{other.Name}\" in address space \"{space}\"; each address of a space must be unique");
                return;
            }
        }
    }
}

using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Defaults;

/// <summary><c>default.address</c>: an Address without spec.address gets the name part after the address space.</summary>
public sealed class AddressDefault : IDefault
{
    public string Id => RuleIds.DefaultAddress;

    public ResourceKind Kind => ResourceKind.Address;

    public string Summary => "an Address without spec.address gets the name part after <addressspace>.";

    public IEnumerable<(string[] Segments, Node Value)> Propose(Resource resource, AdmissionPolicy policy, ICatalog catalog)
    {
        if (resource.Spec is { } spec && spec.Get("address") is null
            && ScopedName.Split(resource.Name) is { Space.Length: > 0, Local: { Length: > 0 } local })
        {
            yield return (["spec", "address"], NodeFactory.String(local));
        }
    }
}

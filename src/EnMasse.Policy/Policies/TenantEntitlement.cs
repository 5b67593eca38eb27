using System.Collections.Frozen;
using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Policies;

/// <summary>
/// One entry of spec.tenants, bound: what the namespaces it names may have. A null field sets no
/// limit (a plan list left out grants what EnMasse offers); the first entry whose namespaces
/// match an object's namespace is the one that applies (<see cref="AdmissionPolicy.TenantOf"/>).
/// </summary>
public sealed record TenantEntitlement(
    int Index,
    IReadOnlyList<string> Namespaces,
    FrozenSet<string>? AddressSpacePlans,
    FrozenSet<string>? AddressPlans,
    int? MaxAddressSpaces,
    int? MaxAddresses,
    int? MaxMessagingUsers,
    NamePattern? AddressSpaceNames,
    FrozenSet<string>? AuthenticationTypes)
{
    private const int NamespacesShown = 3;

    /// <summary>True when a namespace name or glob of the entry matches the namespace.</summary>
    public bool Applies(string @namespace)
    {
        // Indexed, not foreach: an interface enumerator is an allocation per entry per review.
        for (var i = 0; i < Namespaces.Count; i++)
        {
            if (Names.GlobMatches(Namespaces[i], @namespace))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How messages name the entry: "spec.tenants[0] (payments, team-*)", at most three namespaces.</summary>
    public string Label =>
        $"spec.tenants[{Index}] ({Names.List(Namespaces.Take(NamespacesShown))}{(Namespaces.Count > NamespacesShown ? ", ..." : string.Empty)})";
}

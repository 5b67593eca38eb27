using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// What exists: published plans, infra configs, authentication services, address spaces and
/// addresses. Rules read only this, never an API server; lookups are O(1).
/// </summary>
public interface ICatalog
{
    AddressSpacePlanEntry? AddressSpacePlan(string name);

    AddressPlanEntry? AddressPlan(string name);

    bool HasAuthenticationService(string name);

    bool HasInfraConfig(string name);

    AddressSpaceEntry? AddressSpace(string @namespace, string name);

    /// <summary>The addresses of one address space, in no particular order.</summary>
    IReadOnlyList<AddressEntry> AddressesOf(string @namespace, string space);

    /// <summary>The object as it exists now, or null: with it a file's object is judged as an UPDATE.</summary>
    Resource? Existing(ObjectKey key);

    IReadOnlyList<AddressSpacePlanEntry> AddressSpacePlans { get; }

    IReadOnlyList<AddressPlanEntry> AddressPlans { get; }

    IReadOnlyCollection<string> AuthenticationServices { get; }

    /// <summary>How many objects of each kind the catalogue holds, for metrics.</summary>
    IReadOnlyDictionary<string, int> Counts { get; }
}

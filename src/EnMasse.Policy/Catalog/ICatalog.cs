using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// What exists: published plans, infra configs, authentication services, address spaces,
/// addresses and messaging users. Rules read only this, never an API server; lookups are O(1)
/// or proportional to what they return, never to the catalogue's size.
/// </summary>
public interface ICatalog
{
    AddressSpacePlanEntry? AddressSpacePlan(string name);

    AddressPlanEntry? AddressPlan(string name);

    /// <summary>
    /// True when a valid AddressSpacePlan of the space type lists the address plan: what EnMasse
    /// offers an address of that space type, whatever the space's own plan.
    /// </summary>
    bool Offers(string spaceType, string addressPlan);

    bool HasAuthenticationService(string name);

    bool HasInfraConfig(string name);

    /// <summary>True when the StandardInfraConfig is annotated enmasse.io/with-mqtt: "true" (its spaces get an mqtt endpoint up to 0.31).</summary>
    bool HasMqtt(string standardInfraConfig);

    AddressSpaceEntry? AddressSpace(string @namespace, string name);

    /// <summary>The addresses of one address space, in no particular order.</summary>
    IReadOnlyList<AddressEntry> AddressesOf(string @namespace, string space);

    /// <summary>The messaging users of one address space, in no particular order.</summary>
    IReadOnlyList<UserEntry> UsersOf(string @namespace, string space);

    /// <summary>What the addresses of one address space take from its plan, summed when the snapshot was built.</summary>
    SpaceUsage UsageOf(string @namespace, string space);

    /// <summary>How many AddressSpaces the namespace holds, counted when the snapshot was built.</summary>
    int AddressSpaceCount(string @namespace);

    /// <summary>How many Addresses the address space holds.</summary>
    int AddressCount(string @namespace, string space);

    /// <summary>How many MessagingUsers the address space holds.</summary>
    int UserCount(string @namespace, string space);

    /// <summary>
    /// Where the objects come from, as a message names it: "the checked files and --catalog"
    /// offline, "the cluster, as the webhook last saw it" online. Counts say so, since the two
    /// doors count different things by design.
    /// </summary>
    string Origin { get; }

    /// <summary>The address spaces, of any namespace, whose Keycloak realm is this one.</summary>
    IReadOnlyList<AddressSpaceEntry> SpacesWithRealm(string realm);

    /// <summary>The addresses of one address space whose spec.address is <paramref name="address"/>: a lookup, so checking every address of a large change stays linear.</summary>
    IReadOnlyList<AddressEntry> AddressesWith(string @namespace, string space, string address);

    /// <summary>The object as it exists now, or null: with it a file's object is judged as an UPDATE.</summary>
    Resource? Existing(ObjectKey key);

    IReadOnlyList<AddressSpacePlanEntry> AddressSpacePlans { get; }

    IReadOnlyList<AddressPlanEntry> AddressPlans { get; }

    IReadOnlyCollection<string> AuthenticationServices { get; }

    /// <summary>How many objects of each kind the catalogue holds, for metrics.</summary>
    IReadOnlyDictionary<string, int> Counts { get; }
}

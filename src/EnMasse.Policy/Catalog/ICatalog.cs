namespace EnMasse.Policy.Catalog;

/// <summary>
/// What exists: published plans, infra configs, authentication services, address spaces,
/// addresses and messaging users. Rules read only this, never an API server. Every lookup
/// costs O(1) or O(log n) plus what it returns, never the size of a space or the catalogue:
/// a review in a space of 100,000 addresses costs what it costs in an empty one.
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
    IEnumerable<AddressEntry> AddressesOf(string @namespace, string space);

    /// <summary>The addresses of one address space whose spec.address is <paramref name="address"/>, ordered by name (ordinal): a message naming the first names the same one on every run.</summary>
    IEnumerable<AddressEntry> AddressesWith(string @namespace, string space, string address);

    /// <summary>The spec.address values of the space that start with <paramref name="prefix"/>, distinct and in order, read lazily.</summary>
    IEnumerable<string> AddressValues(string @namespace, string space, string prefix = "");

    /// <summary>The spec.address of every topic of the space that starts with <paramref name="prefix"/>, distinct and in order, read lazily.</summary>
    IEnumerable<string> Topics(string @namespace, string space, string prefix = "");

    /// <summary>The messaging users of one address space, in no particular order.</summary>
    IEnumerable<UserEntry> UsersOf(string @namespace, string space);

    /// <summary>The messaging users of one address space whose spec.username is <paramref name="username"/>, ordered by name (ordinal).</summary>
    IEnumerable<UserEntry> UsersWith(string @namespace, string space, string username);

    /// <summary>How many Addresses the address space holds.</summary>
    int AddressCount(string @namespace, string space);

    /// <summary>How many MessagingUsers the address space holds.</summary>
    int UserCount(string @namespace, string space);

    /// <summary>How many AddressSpaces the namespace holds.</summary>
    int AddressSpaceCount(string @namespace);

    /// <summary>What the addresses of one address space take from its plan, kept as a running sum.</summary>
    SpaceUsage UsageOf(string @namespace, string space);

    /// <summary>
    /// Where the objects come from, as a message names it: "the checked files and --catalog"
    /// offline, "the cluster, as the webhook last saw it" online. Counts say so, since the two
    /// doors count different things by design.
    /// </summary>
    string Origin { get; }

    /// <summary>The address spaces, of any namespace, whose Keycloak realm is this one, by namespace and then name (ordinal).</summary>
    IEnumerable<AddressSpaceEntry> SpacesWithRealm(string realm);

    /// <summary>The entry filed under a key (an object as it exists now), or null.</summary>
    CatalogEntry? Entry(ObjectKey key);

    IReadOnlyList<AddressSpacePlanEntry> AddressSpacePlans { get; }

    IReadOnlyList<AddressPlanEntry> AddressPlans { get; }

    IReadOnlyCollection<string> AuthenticationServices { get; }

    /// <summary>How many objects of each kind the catalogue holds, for metrics.</summary>
    IReadOnlyDictionary<string, int> Counts { get; }
}

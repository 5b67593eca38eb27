using System.Collections.Immutable;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// An immutable catalogue. A change makes a new snapshot through <see cref="CatalogBuilder"/>
/// that shares every part it did not touch, so a watch event costs O(log n), not a rebuild;
/// readers keep the snapshot they started with.
/// </summary>
public sealed class CatalogSnapshot : ICatalog
{
    /// <summary>The origin of a catalogue whose builder named none.</summary>
    public const string DefaultOrigin = "the catalogue";

    private static readonly ImmutableDictionary<SpaceKey, AddressSpaceEntry> NoSpaces = ImmutableDictionary<SpaceKey, AddressSpaceEntry>.Empty;
    private static readonly ImmutableDictionary<SpaceKey, SpacePartition> NoPartitions = ImmutableDictionary<SpaceKey, SpacePartition>.Empty;
    private static readonly ImmutableDictionary<string, int> NoNamespaces = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);
    /// <summary>The spaces of one realm in order (namespace, then name), so that a message naming one of them names the same one every time.</summary>
    internal static readonly ImmutableSortedSet<SpaceKey> NoSpacesOfRealm = ImmutableSortedSet.Create<SpaceKey>(Comparer<SpaceKey>.Create((a, b) =>
        string.CompareOrdinal(a.Namespace, b.Namespace) is var byNamespace and not 0 ? byNamespace : string.CompareOrdinal(a.Space, b.Space)));

    private static readonly ImmutableDictionary<string, ImmutableSortedSet<SpaceKey>> NoRealms = ImmutableDictionary.Create<string, ImmutableSortedSet<SpaceKey>>(StringComparer.Ordinal);

    internal CatalogSnapshot(
        InfraObjects infra,
        ImmutableDictionary<SpaceKey, AddressSpaceEntry> spaces,
        ImmutableDictionary<SpaceKey, SpacePartition> partitions,
        ImmutableDictionary<string, int> spacesPerNamespace,
        ImmutableDictionary<string, ImmutableSortedSet<SpaceKey>> realms,
        ImmutableDictionary<ObjectKey, Resource> trees,
        int addresses,
        int users)
    {
        Trees = trees;
        Infra = infra;
        Spaces = spaces;
        Partitions = partitions;
        SpacesPerNamespace = spacesPerNamespace;
        Realms = realms;
        AddressTotal = addresses;
        UserTotal = users;
    }

    public static CatalogSnapshot Empty { get; } = new(InfraObjects.Empty, NoSpaces, NoPartitions, NoNamespaces, NoRealms, ImmutableDictionary<ObjectKey, Resource>.Empty, 0, 0);

    internal InfraObjects Infra { get; }

    internal ImmutableDictionary<SpaceKey, AddressSpaceEntry> Spaces { get; }

    internal ImmutableDictionary<SpaceKey, SpacePartition> Partitions { get; }

    internal ImmutableDictionary<string, int> SpacesPerNamespace { get; }

    /// <summary>Objects kept whole, by key: only those a builder was asked to keep (<see cref="CatalogBuilder.KeepingObjects"/>).</summary>
    internal ImmutableDictionary<ObjectKey, Resource> Trees { get; }

    /// <summary>
    /// The objects kept whole: the policy's plans, and what a builder that keeps objects was
    /// given (the webhook's background audit judges them). The rules never read them.
    /// </summary>
    public IEnumerable<Resource> Objects => Trees.Values;

    /// <summary>What messages call the catalogue's objects; the builder's caller names it.</summary>
    public string Origin { get; init; } = DefaultOrigin;

    /// <summary>The object kept whole under a key, or null.</summary>
    public Resource? ObjectOf(ObjectKey key) => Trees.GetValueOrDefault(key);

    /// <summary>The spaces of every namespace by their Keycloak realm, each realm's in order.</summary>
    internal ImmutableDictionary<string, ImmutableSortedSet<SpaceKey>> Realms { get; }

    internal int AddressTotal { get; }

    internal int UserTotal { get; }

    public IReadOnlyList<AddressSpacePlanEntry> AddressSpacePlans => Infra.OrderedSpacePlans;

    public IReadOnlyList<AddressPlanEntry> AddressPlans => Infra.OrderedAddressPlans;

    public IReadOnlyCollection<string> AuthenticationServices => Infra.AuthServices.Keys;

    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>
    {
        ["AddressSpacePlan"] = Infra.SpacePlans.Count,
        ["AddressPlan"] = Infra.AddressPlans.Count,
        ["AuthenticationService"] = Infra.AuthServices.Count,
        ["InfraConfig"] = Infra.InfraConfigs.Count,
        ["AddressSpace"] = Spaces.Count,
        ["Address"] = AddressTotal,
        ["MessagingUser"] = UserTotal,
    };

    public AddressSpacePlanEntry? AddressSpacePlan(string name) => Infra.SpacePlans.GetValueOrDefault(name);

    public AddressPlanEntry? AddressPlan(string name) => Infra.AddressPlans.GetValueOrDefault(name);

    public bool HasAuthenticationService(string name) => Infra.AuthServices.ContainsKey(name);

    public bool Offers(string spaceType, string addressPlan) => Infra.Offered.TryGetValue(spaceType, out var plans) && plans.Contains(addressPlan);

    public bool HasInfraConfig(string name) => Infra.InfraConfigNames.Contains(name);

    public bool HasMqtt(string standardInfraConfig) => Infra.MqttInfraConfigs.Contains(standardInfraConfig);

    public AddressSpaceEntry? AddressSpace(string @namespace, string name) => Spaces.GetValueOrDefault(new SpaceKey(@namespace, name));

    public IEnumerable<AddressEntry> AddressesOf(string @namespace, string space) => Partition(@namespace, space).Addresses.Values;

    public IEnumerable<AddressEntry> AddressesWith(string @namespace, string space, string address)
    {
        var partition = Partition(@namespace, space);
        return NameIndex.NamesWith(partition.NamesByAddress, address).Select(name => partition.Addresses[name]);
    }

    public IEnumerable<string> Topics(string @namespace, string space, string prefix = "") => ValueIndex.Values(Partition(@namespace, space).Topics, prefix);

    public IEnumerable<string> AddressValues(string @namespace, string space, string prefix = "") => ValueIndex.Values(Partition(@namespace, space).ByAddress, prefix);

    public IEnumerable<UserEntry> UsersOf(string @namespace, string space) => Partition(@namespace, space).Users.Values;

    public IEnumerable<UserEntry> UsersWith(string @namespace, string space, string username)
    {
        var partition = Partition(@namespace, space);
        return NameIndex.NamesWith(partition.ByUsername, username).Select(name => partition.Users[name]);
    }

    public int AddressCount(string @namespace, string space) => Partition(@namespace, space).Addresses.Count;

    public int UserCount(string @namespace, string space) => Partition(@namespace, space).Users.Count;

    public int AddressSpaceCount(string @namespace) => SpacesPerNamespace.GetValueOrDefault(@namespace);

    public SpaceUsage UsageOf(string @namespace, string space) => Partition(@namespace, space).Usage;

    public IEnumerable<AddressSpaceEntry> SpacesWithRealm(string realm) =>
        Realms.TryGetValue(realm, out var keys) ? keys.Select(k => Spaces[k]) : [];

    /// <summary>The entry filed under a key, or null.</summary>
    public CatalogEntry? Entry(ObjectKey key) => key.Kind switch
    {
        ResourceKind.AddressSpace => Spaces.GetValueOrDefault(new SpaceKey(key.Namespace, key.Name)),
        ResourceKind.Address => ScopedName.Split(key.Name).Space is { } space ? Partition(key.Namespace, space).Addresses.GetValueOrDefault(key.Name) : null,
        ResourceKind.MessagingUser => ScopedName.Split(key.Name).Space is { } space ? Partition(key.Namespace, space).Users.GetValueOrDefault(key.Name) : null,
        _ => Infra.Entry(key),
    };

    private SpacePartition Partition(string @namespace, string space) =>
        Partitions.GetValueOrDefault(new SpaceKey(@namespace, space)) ?? SpacePartition.Empty;
}

using System.Collections.Frozen;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>An immutable catalogue. A new state is a new snapshot, swapped in whole.</summary>
public sealed class CatalogSnapshot : ICatalog
{
    /// <summary>The origin of a catalogue whose builder named none.</summary>
    public const string DefaultOrigin = "the catalogue";

    private readonly FrozenDictionary<string, AddressSpacePlanEntry> _spacePlans;
    private readonly FrozenDictionary<string, AddressPlanEntry> _addressPlans;
    private readonly FrozenDictionary<string, FrozenSet<string>> _offered;
    private readonly FrozenSet<string> _authServices;
    private readonly FrozenSet<string> _standardInfraConfigs;
    private readonly FrozenSet<string> _brokeredInfraConfigs;
    private readonly FrozenSet<string> _mqttInfraConfigs;
    private readonly Dictionary<(string, string), AddressSpaceEntry> _spaces;
    private readonly Dictionary<(string, string), List<AddressEntry>> _addresses;
    private readonly Dictionary<(string, string), List<UserEntry>> _users;
    private readonly Dictionary<(string, string), SpaceUsage> _usage;
    private readonly Dictionary<string, List<AddressSpaceEntry>> _realms;
    private readonly Dictionary<string, int> _spacesPerNamespace;
    private readonly Dictionary<ObjectKey, Resource> _objects;
    private readonly Lazy<Dictionary<(string, string, string), List<AddressEntry>>> _byAddress;

    internal CatalogSnapshot(
        IEnumerable<AddressSpacePlanEntry> spacePlans,
        IEnumerable<AddressPlanEntry> addressPlans,
        IEnumerable<string> authServices,
        IEnumerable<string> standardInfraConfigs,
        IEnumerable<string> brokeredInfraConfigs,
        IEnumerable<string> mqttInfraConfigs,
        Dictionary<(string, string), AddressSpaceEntry> spaces,
        Dictionary<(string, string), List<AddressEntry>> addresses,
        Dictionary<(string, string), List<UserEntry>> users,
        Dictionary<(string, string), SpaceUsage> usage,
        Dictionary<ObjectKey, Resource> objects)
    {
        _spacePlans = spacePlans.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        _addressPlans = addressPlans.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        _offered = _spacePlans.Values
            .Where(p => p.IsValid && p.AddressSpaceType is not null)
            .GroupBy(p => p.AddressSpaceType!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.SelectMany(p => p.AddressPlans).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _authServices = authServices.ToFrozenSet(StringComparer.Ordinal);
        _standardInfraConfigs = standardInfraConfigs.ToFrozenSet(StringComparer.Ordinal);
        _brokeredInfraConfigs = brokeredInfraConfigs.ToFrozenSet(StringComparer.Ordinal);
        _mqttInfraConfigs = mqttInfraConfigs.ToFrozenSet(StringComparer.Ordinal);
        _spaces = spaces;
        _addresses = addresses;
        _users = users;
        _usage = usage;
        _realms = spaces.Values.GroupBy(s => s.Realm, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _spacesPerNamespace = spaces.Keys.CountBy(k => k.Item1, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        _objects = objects;
        _byAddress = new(() => _addresses.Values.SelectMany(l => l).Where(a => a.Address is not null)
            .GroupBy(a => (a.Namespace, a.Space, a.Address!))
            .ToDictionary(g => g.Key, g => g.ToList()));
        AddressSpacePlans = [.. _spacePlans.Values.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name, StringComparer.Ordinal)];
        AddressPlans = [.. _addressPlans.Values.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name, StringComparer.Ordinal)];
        Counts = new Dictionary<string, int>
        {
            ["AddressSpacePlan"] = _spacePlans.Count,
            ["AddressPlan"] = _addressPlans.Count,
            ["AuthenticationService"] = _authServices.Count,
            ["InfraConfig"] = _standardInfraConfigs.Count + _brokeredInfraConfigs.Count,
            ["AddressSpace"] = _spaces.Count,
            ["Address"] = _addresses.Values.Sum(l => l.Count),
            ["MessagingUser"] = _users.Values.Sum(l => l.Count),
        };
    }

    public IReadOnlyList<AddressSpacePlanEntry> AddressSpacePlans { get; }

    public IReadOnlyList<AddressPlanEntry> AddressPlans { get; }

    public IReadOnlyCollection<string> AuthenticationServices => _authServices;

    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>Every object the catalogue holds, plans and tenant objects alike: what an audit judges.</summary>
    public IEnumerable<Resource> Objects => _objects.Values;

    /// <summary>What messages call the catalogue's objects; the builder's caller names it.</summary>
    public string Origin { get; init; } = DefaultOrigin;

    internal IEnumerable<AddressSpacePlanEntry> SpacePlanEntries => _spacePlans.Values;

    internal IEnumerable<AddressPlanEntry> AddressPlanEntries => _addressPlans.Values;

    internal IEnumerable<string> StandardInfraConfigs => _standardInfraConfigs;

    internal IEnumerable<string> BrokeredInfraConfigs => _brokeredInfraConfigs;

    internal IEnumerable<string> MqttInfraConfigs => _mqttInfraConfigs;

    internal IEnumerable<AddressSpaceEntry> SpaceEntries => _spaces.Values;

    internal IEnumerable<AddressEntry> AddressEntries => _addresses.Values.SelectMany(l => l);

    internal IEnumerable<UserEntry> UserEntries => _users.Values.SelectMany(l => l);

    public AddressSpacePlanEntry? AddressSpacePlan(string name) => _spacePlans.GetValueOrDefault(name);

    public AddressPlanEntry? AddressPlan(string name) => _addressPlans.GetValueOrDefault(name);

    public bool Offers(string spaceType, string addressPlan) => _offered.TryGetValue(spaceType, out var plans) && plans.Contains(addressPlan);

    public bool HasAuthenticationService(string name) => _authServices.Contains(name);

    public bool HasInfraConfig(string name) => _standardInfraConfigs.Contains(name) || _brokeredInfraConfigs.Contains(name);

    public bool HasMqtt(string standardInfraConfig) => _mqttInfraConfigs.Contains(standardInfraConfig);

    public AddressSpaceEntry? AddressSpace(string @namespace, string name) => _spaces.GetValueOrDefault((@namespace, name));

    public IReadOnlyList<AddressEntry> AddressesOf(string @namespace, string space) =>
        _addresses.TryGetValue((@namespace, space), out var list) ? list : [];

    public IReadOnlyList<UserEntry> UsersOf(string @namespace, string space) =>
        _users.TryGetValue((@namespace, space), out var list) ? list : [];

    public int AddressSpaceCount(string @namespace) => _spacesPerNamespace.GetValueOrDefault(@namespace);

    public int AddressCount(string @namespace, string space) => AddressesOf(@namespace, space).Count;

    public int UserCount(string @namespace, string space) => UsersOf(@namespace, space).Count;

    public SpaceUsage UsageOf(string @namespace, string space) => _usage.GetValueOrDefault((@namespace, space), SpaceUsage.Empty);

    public IReadOnlyList<AddressSpaceEntry> SpacesWithRealm(string realm) => _realms.TryGetValue(realm, out var list) ? list : [];

    public IReadOnlyList<AddressEntry> AddressesWith(string @namespace, string space, string address) =>
        _byAddress.Value.TryGetValue((@namespace, space, address), out var list) ? list : [];

    public Resource? Existing(ObjectKey key) => _objects.GetValueOrDefault(key);
}

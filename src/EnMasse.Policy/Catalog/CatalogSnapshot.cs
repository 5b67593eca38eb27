using System.Collections.Frozen;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>An immutable catalogue. A new state is a new snapshot, swapped in whole.</summary>
public sealed class CatalogSnapshot : ICatalog
{
    private readonly FrozenDictionary<string, AddressSpacePlanEntry> _spacePlans;
    private readonly FrozenDictionary<string, AddressPlanEntry> _addressPlans;
    private readonly FrozenSet<string> _authServices;
    private readonly FrozenSet<string> _infraConfigs;
    private readonly Dictionary<(string, string), AddressSpaceEntry> _spaces;
    private readonly Dictionary<(string, string), List<AddressEntry>> _addresses;
    private readonly Dictionary<ObjectKey, Resource> _objects;

    internal CatalogSnapshot(
        IEnumerable<AddressSpacePlanEntry> spacePlans,
        IEnumerable<AddressPlanEntry> addressPlans,
        IEnumerable<string> authServices,
        IEnumerable<string> infraConfigs,
        Dictionary<(string, string), AddressSpaceEntry> spaces,
        Dictionary<(string, string), List<AddressEntry>> addresses,
        Dictionary<ObjectKey, Resource> objects)
    {
        _spacePlans = spacePlans.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        _addressPlans = addressPlans.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        _authServices = authServices.ToFrozenSet(StringComparer.Ordinal);
        _infraConfigs = infraConfigs.ToFrozenSet(StringComparer.Ordinal);
        _spaces = spaces;
        _addresses = addresses;
        _objects = objects;
        AddressSpacePlans = [.. _spacePlans.Values.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name, StringComparer.Ordinal)];
        AddressPlans = [.. _addressPlans.Values.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name, StringComparer.Ordinal)];
        Counts = new Dictionary<string, int>
        {
            ["AddressSpacePlan"] = _spacePlans.Count,
            ["AddressPlan"] = _addressPlans.Count,
            ["AuthenticationService"] = _authServices.Count,
            ["InfraConfig"] = _infraConfigs.Count,
            ["AddressSpace"] = _spaces.Count,
            ["Address"] = _addresses.Values.Sum(l => l.Count),
        };
    }

    public IReadOnlyList<AddressSpacePlanEntry> AddressSpacePlans { get; }

    public IReadOnlyList<AddressPlanEntry> AddressPlans { get; }

    public IReadOnlyCollection<string> AuthenticationServices => _authServices;

    public IReadOnlyDictionary<string, int> Counts { get; }

    internal IEnumerable<Resource> Objects => _objects.Values;

    internal IEnumerable<AddressSpacePlanEntry> SpacePlanEntries => _spacePlans.Values;

    internal IEnumerable<AddressPlanEntry> AddressPlanEntries => _addressPlans.Values;

    internal IEnumerable<string> InfraConfigs => _infraConfigs;

    internal IEnumerable<AddressSpaceEntry> SpaceEntries => _spaces.Values;

    internal IEnumerable<AddressEntry> AddressEntries => _addresses.Values.SelectMany(l => l);

    public AddressSpacePlanEntry? AddressSpacePlan(string name) => _spacePlans.GetValueOrDefault(name);

    public AddressPlanEntry? AddressPlan(string name) => _addressPlans.GetValueOrDefault(name);

    public bool HasAuthenticationService(string name) => _authServices.Contains(name);

    public bool HasInfraConfig(string name) => _infraConfigs.Contains(name);

    public AddressSpaceEntry? AddressSpace(string @namespace, string name) => _spaces.GetValueOrDefault((@namespace, name));

    public IReadOnlyList<AddressEntry> AddressesOf(string @namespace, string space) =>
        _addresses.TryGetValue((@namespace, space), out var list) ? list : [];

    public Resource? Existing(ObjectKey key) => _objects.GetValueOrDefault(key);
}

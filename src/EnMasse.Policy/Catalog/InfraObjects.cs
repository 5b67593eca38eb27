using System.Collections.Frozen;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// The published objects of the infra namespace: plans, infra configs, authentication
/// services. A few dozen at most, read on every review, changed rarely: frozen, and rebuilt
/// whole (plan validity and what each space type offers included) when one of them changes.
/// </summary>
internal sealed class InfraObjects
{
    public static readonly InfraObjects Empty = new([], [], [], []);

    public InfraObjects(
        IEnumerable<AddressSpacePlanEntry> spacePlans,
        IEnumerable<AddressPlanEntry> addressPlans,
        IEnumerable<AuthenticationServiceEntry> authServices,
        IEnumerable<InfraConfigEntry> infraConfigs)
    {
        AddressPlans = addressPlans.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        AuthServices = authServices.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        InfraConfigs = infraConfigs.ToFrozenDictionary(p => p.Key);
        var standard = Names(ResourceKind.StandardInfraConfig);
        var brokered = Names(ResourceKind.BrokeredInfraConfig);
        SpacePlans = spacePlans
            .Select(p => p with { Problem = PlanValidity.Problem(p, AddressPlans, standard, brokered) })
            .ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        InfraConfigNames = InfraConfigs.Values.Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);
        MqttInfraConfigs = InfraConfigs.Values.Where(p => p.WithMqtt).Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);
        Offered = SpacePlans.Values
            .Where(p => p.IsValid && p.AddressSpaceType is not null)
            .GroupBy(p => p.AddressSpaceType!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.SelectMany(p => p.AddressPlans).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        OrderedSpacePlans = [.. SpacePlans.Values.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name, StringComparer.Ordinal)];
        OrderedAddressPlans = [.. AddressPlans.Values.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name, StringComparer.Ordinal)];

        FrozenSet<string> Names(ResourceKind kind) => InfraConfigs.Values.Where(p => p.Kind == kind).Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>With <see cref="AddressSpacePlanEntry.Problem"/> set: why EnMasse would treat the plan as unknown.</summary>
    public FrozenDictionary<string, AddressSpacePlanEntry> SpacePlans { get; }

    public FrozenDictionary<string, AddressPlanEntry> AddressPlans { get; }

    public FrozenDictionary<string, AuthenticationServiceEntry> AuthServices { get; }

    /// <summary>A standard and a brokered infra config may share a name: keyed by kind and name.</summary>
    public FrozenDictionary<ObjectKey, InfraConfigEntry> InfraConfigs { get; }

    public FrozenSet<string> InfraConfigNames { get; }

    public FrozenSet<string> MqttInfraConfigs { get; }

    /// <summary>Per space type, the address plans its valid space plans list.</summary>
    public FrozenDictionary<string, FrozenSet<string>> Offered { get; }

    /// <summary>By display order, then name: the order messages list them in.</summary>
    public IReadOnlyList<AddressSpacePlanEntry> OrderedSpacePlans { get; }

    public IReadOnlyList<AddressPlanEntry> OrderedAddressPlans { get; }

    public CatalogEntry? Entry(ObjectKey key) => key.Kind switch
    {
        ResourceKind.AddressSpacePlan => SpacePlans.GetValueOrDefault(key.Name),
        ResourceKind.AddressPlan => AddressPlans.GetValueOrDefault(key.Name),
        ResourceKind.AuthenticationService => AuthServices.GetValueOrDefault(key.Name),
        ResourceKind.StandardInfraConfig or ResourceKind.BrokeredInfraConfig => InfraConfigs.GetValueOrDefault(key),
        _ => null,
    };

    /// <summary>The entries, to change some and freeze them again.</summary>
    public Dictionary<ObjectKey, CatalogEntry> ToMutable()
    {
        var all = new Dictionary<ObjectKey, CatalogEntry>();
        foreach (var entry in SpacePlans.Values.Concat<CatalogEntry>(AddressPlans.Values).Concat(AuthServices.Values).Concat(InfraConfigs.Values))
        {
            all[entry.Key] = entry;
        }

        return all;
    }

    public static InfraObjects From(IReadOnlyCollection<CatalogEntry> entries) => new(
        entries.OfType<AddressSpacePlanEntry>(),
        entries.OfType<AddressPlanEntry>(),
        entries.OfType<AuthenticationServiceEntry>(),
        entries.OfType<InfraConfigEntry>());
}

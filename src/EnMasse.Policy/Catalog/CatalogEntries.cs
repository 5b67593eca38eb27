using System.Collections.Frozen;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// One object as the catalogue keeps it: its identity and the few fields the rules read. The
/// catalogue never keeps an object's tree (metadata, status, positions): at 100,000 objects
/// that is the difference between megabytes and a gigabyte.
/// </summary>
public abstract record CatalogEntry(ResourceKind Kind, string Namespace, string Name)
{
    /// <summary>The StandardInfraConfig annotation that gives standard spaces an mqtt endpoint (EnMasse up to 0.31).</summary>
    public const string WithMqttAnnotation = "enmasse.io/with-mqtt";

    public ObjectKey Key => new(Kind, Namespace, Name);

    /// <summary>
    /// The entry for an object, or null when the catalogue has no place for it: an object
    /// with no name (only generateName), or an Address or MessagingUser whose name lacks the
    /// address space prefix.
    /// </summary>
    public static CatalogEntry? From(Resource resource)
    {
        if (resource.Name.Length == 0)
        {
            return null;
        }

        var spec = resource.Spec;
        switch (resource.Kind)
        {
            case ResourceKind.AddressSpacePlan:
                var spacePlan = AddressSpacePlanObject.Bind(resource);
                return new AddressSpacePlanEntry(resource.Name, spacePlan.AddressSpaceType?.Value, [.. spacePlan.AddressPlans.Select(t => t.Value)], spacePlan.DisplayOrder)
                {
                    InfraConfigRef = spacePlan.InfraConfigRef?.Value,
                    ResourceLimits = spacePlan.ResourceLimits,
                };
            case ResourceKind.AddressPlan:
                var addressPlan = AddressPlanObject.Bind(resource);
                return new AddressPlanEntry(resource.Name, addressPlan.AddressType?.Value, addressPlan.DisplayOrder)
                {
                    Resources = addressPlan.Resources,
                    Partitions = addressPlan.Partitions,
                };
            case ResourceKind.AuthenticationService:
                return new AuthenticationServiceEntry(resource.Name);
            case ResourceKind.StandardInfraConfig or ResourceKind.BrokeredInfraConfig:
                // EnMasse's own examples write the annotation unquoted (a YAML boolean) as well as "true".
                var mqtt = resource.Kind == ResourceKind.StandardInfraConfig
                    && NodeRead.Map(resource.Metadata, "annotations")?.Get(WithMqttAnnotation) is ScalarNode { Value: "true" };
                return new InfraConfigEntry(resource.Kind, resource.Name) { WithMqtt = mqtt };
            case ResourceKind.AddressSpace:
                var addressSpace = AddressSpaceObject.Bind(resource);
                return new AddressSpaceEntry(Shared(resource.Namespace), resource.Name, Shared(addressSpace.Type?.Value), Shared(addressSpace.Plan?.Value))
                {
                    Connectors = [.. addressSpace.Connectors.Select(c => NodeRead.String(c, "name")?.Value).OfType<string>()],
                    Realm = RealmName.Of(resource.Namespace, resource.Name, addressSpace.Annotation(ProtectedAnnotations.RealmName)?.Value),
                };
            case ResourceKind.Address:
                var (space, local) = ScopedName.Split(resource.Name);
                return space is null ? null : new AddressEntry(
                    Shared(resource.Namespace),
                    resource.Name,
                    Shared(space),
                    NodeRead.String(spec, "address")?.Value ?? local,
                    Shared(NodeRead.String(spec, "type")?.Value))
                {
                    Plan = Shared(NodeRead.String(spec, "plan")?.Value),
                    Unprovisioned = NodeRead.String(NodeRead.Map(resource.Root, "status"), "phase")?.Value == "Pending",
                };
            case ResourceKind.MessagingUser:
                var (userSpace, _) = ScopedName.Split(resource.Name);
                return userSpace is null ? null : new UserEntry(Shared(resource.Namespace), resource.Name, Shared(userSpace), NodeRead.String(spec, "username")?.Value);
            default:
                return null;
        }
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? Shared(string? value) => SharedStrings.Of(value);
}

/// <summary>A published AddressSpacePlan, as far as the rules need it. Plans are known by name alone. Equal when every value is, limits included.</summary>
public sealed record AddressSpacePlanEntry(string Name, string? AddressSpaceType, IReadOnlyList<string> AddressPlans, int DisplayOrder)
    : CatalogEntry(ResourceKind.AddressSpacePlan, string.Empty, Name)
{
    public string? InfraConfigRef { get; init; }

    /// <summary>resourceLimits: router, broker, aggregate.</summary>
    public FrozenDictionary<string, double> ResourceLimits { get; init; } = FrozenDictionary<string, double>.Empty;

    /// <summary>Why EnMasse would treat the plan as unknown (it leaves such plans out of its schema), or null when it is valid.</summary>
    public string? Problem { get; init; }

    public bool IsValid => Problem is null;

    public bool Equals(AddressSpacePlanEntry? other) =>
        other is not null && Name == other.Name && AddressSpaceType == other.AddressSpaceType && DisplayOrder == other.DisplayOrder
        && AddressPlans.SequenceEqual(other.AddressPlans) && InfraConfigRef == other.InfraConfigRef && Problem == other.Problem
        && SameNumbers(ResourceLimits, other.ResourceLimits);

    public override int GetHashCode() => HashCode.Combine(Name, AddressSpaceType, InfraConfigRef, Problem);

    internal static bool SameNumbers(FrozenDictionary<string, double> a, FrozenDictionary<string, double> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var v) && v.Equals(e.Value));
}

/// <summary>A published AddressPlan.</summary>
public sealed record AddressPlanEntry(string Name, string? AddressType, int DisplayOrder)
    : CatalogEntry(ResourceKind.AddressPlan, string.Empty, Name)
{
    /// <summary>resources: the router and broker credits one address of this plan takes.</summary>
    public FrozenDictionary<string, double> Resources { get; init; } = FrozenDictionary<string, double>.Empty;

    public int Partitions { get; init; } = 1;

    public bool Equals(AddressPlanEntry? other) =>
        other is not null && Name == other.Name && AddressType == other.AddressType && DisplayOrder == other.DisplayOrder
        && Partitions == other.Partitions && AddressSpacePlanEntry.SameNumbers(Resources, other.Resources);

    public override int GetHashCode() => HashCode.Combine(Name, AddressType, Partitions);
}

/// <summary>A published AuthenticationService.</summary>
public sealed record AuthenticationServiceEntry(string Name)
    : CatalogEntry(ResourceKind.AuthenticationService, string.Empty, Name);

/// <summary>A published StandardInfraConfig or BrokeredInfraConfig.</summary>
public sealed record InfraConfigEntry(ResourceKind InfraKind, string Name)
    : CatalogEntry(InfraKind, string.Empty, Name)
{
    /// <summary>A StandardInfraConfig annotated enmasse.io/with-mqtt: "true".</summary>
    public bool WithMqtt { get; init; }
}

/// <summary>An existing AddressSpace.</summary>
public sealed record AddressSpaceEntry(string Namespace, string Name, string? Type, string? Plan)
    : CatalogEntry(ResourceKind.AddressSpace, Namespace, Name)
{
    public IReadOnlyList<string> Connectors { get; init; } = [];

    /// <summary>The Keycloak realm EnMasse uses for the space (its annotation, or the name EnMasse derives).</summary>
    public string Realm { get; init; } = string.Empty;
}

/// <summary>An existing Address; <see cref="Space"/> is the name part before the dot, <see cref="Address"/> its spec.address (the name's local part when unset).</summary>
public sealed record AddressEntry(string Namespace, string Name, string Space, string? Address, string? Type)
    : CatalogEntry(ResourceKind.Address, Namespace, Name)
{
    public string? Plan { get; init; }

    /// <summary>True when the address's status says EnMasse has not provisioned it (phase Pending), so it holds no resources.</summary>
    public bool Unprovisioned { get; init; }
}

/// <summary>An existing MessagingUser; <see cref="Space"/> is the name part before the dot.</summary>
public sealed record UserEntry(string Namespace, string Name, string Space, string? Username)
    : CatalogEntry(ResourceKind.MessagingUser, Namespace, Name);

/// <summary>Identity of any object. Plans, infra configs and authentication services are known by name alone and carry no namespace.</summary>
public readonly record struct ObjectKey(ResourceKind Kind, string Namespace, string Name)
{
    /// <summary>The key the catalogue files an object under.</summary>
    public static ObjectKey Of(Resource resource) => resource.Kind.IsTenant()
        ? new(resource.Kind, resource.Namespace, resource.Name)
        : new(resource.Kind, string.Empty, resource.Name);
}

/// <summary>An address space's identity: its namespace and name.</summary>
public readonly record struct SpaceKey(string Namespace, string Space);

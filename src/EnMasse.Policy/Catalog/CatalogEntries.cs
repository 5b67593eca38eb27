using System.Collections.Frozen;

namespace EnMasse.Policy.Catalog;

/// <summary>A published AddressSpacePlan, as far as the rules need it. Equal when every value is, limits included.</summary>
public sealed record AddressSpacePlanEntry(string Name, string? AddressSpaceType, IReadOnlyList<string> AddressPlans, int DisplayOrder)
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
{
    /// <summary>resources: the router and broker credits one address of this plan takes.</summary>
    public FrozenDictionary<string, double> Resources { get; init; } = FrozenDictionary<string, double>.Empty;

    public int Partitions { get; init; } = 1;

    public bool Equals(AddressPlanEntry? other) =>
        other is not null && Name == other.Name && AddressType == other.AddressType && DisplayOrder == other.DisplayOrder
        && Partitions == other.Partitions && AddressSpacePlanEntry.SameNumbers(Resources, other.Resources);

    public override int GetHashCode() => HashCode.Combine(Name, AddressType, Partitions);
}

/// <summary>An existing AddressSpace.</summary>
public sealed record AddressSpaceEntry(string Namespace, string Name, string? Type, string? Plan)
{
    public IReadOnlyList<string> Connectors { get; init; } = [];

    /// <summary>The Keycloak realm EnMasse uses for the space (its annotation, or the name EnMasse derives).</summary>
    public string Realm { get; init; } = string.Empty;
}

/// <summary>An existing Address; <see cref="Space"/> is the name part before the dot.</summary>
public sealed record AddressEntry(string Namespace, string Name, string Space, string? Address, string? Type)
{
    public string? Plan { get; init; }

    /// <summary>True when the address's status says EnMasse has not provisioned it (phase Pending), so it holds no resources.</summary>
    public bool Unprovisioned { get; init; }
}

/// <summary>An existing MessagingUser; <see cref="Space"/> is the name part before the dot.</summary>
public sealed record UserEntry(string Namespace, string Name, string Space, string? Username);

/// <summary>Identity of any object, for finding an object's current version.</summary>
public readonly record struct ObjectKey(Model.ResourceKind Kind, string Namespace, string Name);

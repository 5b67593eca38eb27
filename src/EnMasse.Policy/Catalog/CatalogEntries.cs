namespace EnMasse.Policy.Catalog;

/// <summary>A published AddressSpacePlan, as far as the rules need it.</summary>
public sealed record AddressSpacePlanEntry(string Name, string? AddressSpaceType, IReadOnlyList<string> AddressPlans, int DisplayOrder);

/// <summary>A published AddressPlan.</summary>
public sealed record AddressPlanEntry(string Name, string? AddressType, int DisplayOrder);

/// <summary>An existing AddressSpace.</summary>
public sealed record AddressSpaceEntry(string Namespace, string Name, string? Type, string? Plan);

/// <summary>An existing Address; <see cref="Space"/> is the name part before the dot.</summary>
public sealed record AddressEntry(string Namespace, string Name, string Space, string? Address, string? Type);

/// <summary>Identity of any object, for finding an object's current version.</summary>
public readonly record struct ObjectKey(Model.ResourceKind Kind, string Namespace, string Name);

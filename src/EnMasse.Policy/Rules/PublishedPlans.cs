using EnMasse.Policy.Catalog;
using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Rules;

/// <summary>Message parts that list what is published, shared by the plan rules so they word it alike.</summary>
internal static class PublishedPlans
{
    public static IEnumerable<string> SpacePlanNames(ICatalog catalog, string? type) =>
        catalog.AddressSpacePlans.Where(p => type is null || p.AddressSpaceType == type).Select(p => p.Name);

    public static IEnumerable<string> AddressPlanNames(ICatalog catalog, string? type) =>
        catalog.AddressPlans.Where(p => type is null || p.AddressType == type).Select(p => p.Name);

    public static string SpacePlans(ICatalog catalog, string? type) =>
        $"published{(type is null ? string.Empty : " for " + type)}: {Names.List(SpacePlanNames(catalog, type))}";

    public static string AddressPlans(ICatalog catalog, string? type) =>
        $"published{(type is null ? string.Empty : " for " + type)}: {Names.List(AddressPlanNames(catalog, type))}";
}

using EnMasse.Policy.Catalog;
using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Rules;

/// <summary>Message parts that list what is published, shared by the plan rules so they word it alike.</summary>
internal static class PublishedPlans
{
    /// <summary>The valid plans only: a plan EnMasse treats as unknown is not worth suggesting.</summary>
    public static IEnumerable<string> SpacePlanNames(ICatalog catalog, string? type) =>
        catalog.AddressSpacePlans.Where(p => p.IsValid && (type is null || p.AddressSpaceType == type)).Select(p => p.Name);

    public static IEnumerable<string> AddressPlanNames(ICatalog catalog, string? type) =>
        catalog.AddressPlans.Where(p => type is null || p.AddressType == type).Select(p => p.Name);

    public static string SpacePlans(ICatalog catalog, string? type) =>
        $"published{(type is null ? string.Empty : " for " + type)}: {Names.List(SpacePlanNames(catalog, type))}";

    /// <summary>"offered for queue in standard spaces: a, b": the address plans EnMasse knows for a space type.</summary>
    public static string OfferedAddressPlans(ICatalog catalog, string spaceType, string? addressType) =>
        $"offered{(addressType is null ? string.Empty : " for " + addressType)} in {spaceType} address spaces: {Names.List(catalog.AddressPlans.Where(p => (addressType is null || p.AddressType == addressType) && catalog.Offers(spaceType, p.Name)).Select(p => p.Name))}";

    public static string AddressPlans(ICatalog catalog, string? type) =>
        $"published{(type is null ? string.Empty : " for " + type)}: {Names.List(AddressPlanNames(catalog, type))}";
}

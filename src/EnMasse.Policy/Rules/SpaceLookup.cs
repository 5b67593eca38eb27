using EnMasse.Policy.Catalog;

namespace EnMasse.Policy.Rules;

/// <summary>The address space an Address or MessagingUser names, looked up once per rule.</summary>
internal static class SpaceLookup
{
    public static AddressSpaceEntry? Find(RuleContext context, string? space) =>
        space is { Length: > 0 } ? context.Catalog.AddressSpace(context.Subject.Namespace, space) : null;

    public static string Missing(string kind, string space, string @namespace) =>
        $"address space \"{space}\" does not exist in namespace \"{@namespace}\"; create the AddressSpace first (in this change or in the cluster) or fix the prefix of the {kind} name";
}

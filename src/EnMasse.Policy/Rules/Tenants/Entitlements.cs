using System.Collections.Frozen;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;

namespace EnMasse.Policy.Rules.Tenants;

/// <summary>What the tenant rules that check a value against a list of the entry share, so they judge and word it alike.</summary>
internal static class Entitlements
{
    /// <summary>
    /// Reports the value when the namespace's entry lists what it grants in <paramref name="field"/>
    /// and the value is not among them. An entry without the list grants everything. A value
    /// EnMasse does not know (<paramref name="known"/> false) is left to EnMasse's own rule.
    /// </summary>
    public static void CheckGranted(RuleContext context, Text? value, Func<TenantEntitlement, FrozenSet<string>?> grants, Func<string, bool> known, string what, string field)
    {
        var ns = context.Subject.Namespace;
        if (value is null
            || context.Policy.TenantOf(ns) is not { } tenant
            || grants(tenant) is not { } granted
            || granted.Contains(value.Value)
            || !known(value.Value))
        {
            return;
        }

        context.Report(value, $"{what} \"{value.Value}\" is not granted to namespace \"{ns}\": {tenant.Label} grants {Names.List(granted.Order(StringComparer.Ordinal))} in {field}; use one of those, or ask the platform team to grant it");
    }
}

using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;

namespace EnMasse.Policy.Rules.Tenants;

/// <summary>Message parts the tenant rules share, so that they word a refusal alike.</summary>
internal static class Entitlements
{
    /// <summary>"address plan "x" is not granted to namespace "n": spec.tenants[0] (n) grants a, b; ..."</summary>
    public static string NotGranted(string what, string value, string @namespace, TenantEntitlement tenant, IEnumerable<string> granted, string field) =>
        $"{what} \"{value}\" is not granted to namespace \"{@namespace}\": {tenant.Label} grants {Names.List(granted.Order(StringComparer.Ordinal))} in {field}; use one of those, or ask the platform team to grant it";
}

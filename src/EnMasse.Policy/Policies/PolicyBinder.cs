using System.Collections.Frozen;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Policies;

/// <summary>Reads the settings of a policy.yaml view into <see cref="AdmissionPolicy"/>; what is not set keeps EnMasse's defaults.</summary>
internal static class PolicyBinder
{
    public static AdmissionPolicy Bind(PolicyDocument document)
    {
        var empty = AdmissionPolicy.Empty;
        var defaults = document.Defaults;
        var release = EnMasseVersion.TryParse(document.EnMasseVersion?.Value, out var named) ? named : EnMasseVersion.Default;
        var narrowing = document.AddressSpaceTypes?.ToFrozenDictionary(t => t.Entry.Key, t => t.AddressTypes.Select(a => a.Value).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return new AdmissionPolicy(
            document.Name?.Value ?? empty.Name,
            document.Platform?.Value == "openshift" ? Platform.OpenShift : Platform.Kubernetes,
            document.InfraNamespace?.Value ?? empty.InfraNamespace,
            AdmissionPolicy.EffectiveTypes(narrowing, release),
            new PolicyDefaults(
                defaults.AuthenticationService?.Value,
                defaults.Endpoints.ToFrozenDictionary(e => e.Entry.Key, e => e.Endpoints, StringComparer.Ordinal),
                defaults.CertProviderKubernetes?.Value ?? empty.Defaults.CertProviderKubernetes,
                defaults.CertProviderOpenShift?.Value ?? empty.Defaults.CertProviderOpenShift),
            [.. document.ServiceAccountGrants.Select(g => new ServiceAccountGrant(g.Namespace?.Value ?? string.Empty, Values(g.ServiceAccountNamespaces)))],
            document.Rules.ToFrozenDictionary(r => r.Entry.Key, r => new RuleSetting(Level(r.Admission), Level(r.Ci)), StringComparer.Ordinal),
            [.. document.Exemptions.Select(e => new Exemption(Values(e.Namespaces), Values(e.Kinds), Values(e.Names), Values(e.Rules)))])
        {
            TrustedRequesters = new TrustedRequesters(
                Values(document.TrustedRequesters.ServiceAccounts),
                document.TrustedRequesters.Users.Select(u => u.Value).ToFrozenSet(StringComparer.Ordinal),
                document.TrustedRequesters.Groups.Select(g => g.Value).ToFrozenSet(StringComparer.Ordinal)),
            EnMasseVersion = release,
            AddressTypeNarrowing = narrowing,
            SharedCertSecrets = Values(document.SharedCertSecrets),
            Tenants = [.. document.Tenants.Select(Tenant)],
        };
    }

    /// <summary>A value the consistency check refuses (a pattern that does not compile, a negative limit) binds as none; such a policy never loads.</summary>
    private static TenantEntitlement Tenant(PolicyTenant tenant) => new(
        tenant.Index,
        Values(tenant.Namespaces),
        Set(tenant.AddressSpacePlans),
        Set(tenant.AddressPlans),
        PolicyTenant.LimitValue(tenant.MaxAddressSpaces),
        PolicyTenant.LimitValue(tenant.MaxAddresses),
        PolicyTenant.LimitValue(tenant.MaxMessagingUsers),
        tenant.AddressSpaceNames is { } pattern ? NamePattern.Compile(pattern.Value).Pattern : null,
        Set(tenant.AuthenticationTypes));

    private static FrozenSet<string>? Set(IReadOnlyList<Text>? texts) => texts?.Select(t => t.Value).ToFrozenSet(StringComparer.Ordinal);

    private static RuleLevel? Level(ScalarNode? level) => level switch
    {
        { Type: ScalarType.String, Value: "error" } => RuleLevel.Error,
        { Type: ScalarType.String, Value: "warning" } => RuleLevel.Warning,
        { Type: ScalarType.String, Value: "off" } => RuleLevel.Off,
        // An unquoted `off` is a YAML 1.1 boolean; it can only have meant off.
        { } flag when flag.TryGetBoolean(out var on) && !on => RuleLevel.Off,
        _ => null,
    };

    private static IReadOnlyList<string> Values(IReadOnlyList<Text> texts) => [.. texts.Select(t => t.Value)];
}

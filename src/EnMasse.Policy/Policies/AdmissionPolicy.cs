using System.Collections.Frozen;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Policies;

/// <summary>The platform EnMasse runs on; it picks certificate defaults and platform checks.</summary>
public enum Platform
{
    Kubernetes,
    OpenShift,
}

/// <summary>A rule's weight at one enforcement point.</summary>
public enum RuleLevel
{
    Error,
    Warning,
    Off,
}

/// <summary>A rule's weights per enforcement point; null keeps the rule's default.</summary>
public sealed record RuleSetting(RuleLevel? Admission, RuleLevel? Ci);

/// <summary>A namespace that may grant messaging access to service accounts of other namespaces.</summary>
public sealed record ServiceAccountGrant(string Namespace, IReadOnlyList<string> ServiceAccountNamespaces);

/// <summary>Findings of the matching objects and rules are kept, shown and counted, but do not deny.</summary>
public sealed record Exemption(IReadOnlyList<string> Namespaces, IReadOnlyList<string> Kinds, IReadOnlyList<string> Names, IReadOnlyList<string> Rules);

/// <summary>
/// What the mutating side fills in. Endpoints absent for a type are EnMasse's own
/// (Defaults.EnMasseEndpoints); the cert providers default to EnMasse's selfsigned.
/// </summary>
public sealed record PolicyDefaults(
    string? AuthenticationService,
    FrozenDictionary<string, IReadOnlyList<MappingNode>> Endpoints,
    string CertProviderKubernetes,
    string CertProviderOpenShift);

/// <summary>The settings of policy.yaml, typed. Immutable: a reload builds a new one.</summary>
public sealed record AdmissionPolicy(
    string Name,
    Platform Platform,
    string InfraNamespace,
    FrozenDictionary<string, FrozenSet<string>> AddressSpaceTypes,
    PolicyDefaults Defaults,
    IReadOnlyList<ServiceAccountGrant> ServiceAccountGrants,
    FrozenDictionary<string, RuleSetting> Rules,
    IReadOnlyList<Exemption> Exemptions)
{
    /// <summary>EnMasse's own schema in the default release: which address types each address space type offers.</summary>
    public static FrozenDictionary<string, FrozenSet<string>> EnMasseTypes { get; } = EnMasseTypesOf(EnMasseVersion.Default);

    /// <summary>The release EnMasse is judged as (spec.enmasseVersion, or --enmasse-version); 0.31 when the policy names none.</summary>
    public EnMasseVersion EnMasseVersion { get; init; } = EnMasseVersion.Default;

    /// <summary>spec.addressSpaceTypes as written, or null: the effective <see cref="AddressSpaceTypes"/> are these within what the release offers.</summary>
    public FrozenDictionary<string, FrozenSet<string>>? AddressTypeNarrowing { get; init; }

    /// <summary>Globs of secret names in the infra namespace tenants may name in cert.secretName: certificates the platform shares, such as a wildcard.</summary>
    public IReadOnlyList<string> SharedCertSecrets { get; init; } = [];

    /// <summary>EnMasse's schema of a release: standard offers queue, topic, anycast, multicast and subscription, brokered queue and topic; 0.33 adds deadletter to both.</summary>
    public static FrozenDictionary<string, FrozenSet<string>> EnMasseTypesOf(EnMasseVersion release)
    {
        string[] deadletter = release.AtLeast(33) ? ["deadletter"] : [];
        return new Dictionary<string, FrozenSet<string>>
        {
            ["standard"] = new[] { "queue", "topic", "anycast", "multicast", "subscription" }.Concat(deadletter).ToFrozenSet(StringComparer.Ordinal),
            ["brokered"] = new[] { "queue", "topic" }.Concat(deadletter).ToFrozenSet(StringComparer.Ordinal),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>This policy judged as another EnMasse release (the CLI's --enmasse-version): the release's field sets and address types.</summary>
    public AdmissionPolicy ForVersion(EnMasseVersion release) =>
        this with { EnMasseVersion = release, AddressSpaceTypes = EffectiveTypes(AddressTypeNarrowing, release) };

    /// <summary>What the policy allows of what the release offers: the narrowing within EnMasse's types, or all of them.</summary>
    internal static FrozenDictionary<string, FrozenSet<string>> EffectiveTypes(FrozenDictionary<string, FrozenSet<string>>? narrowing, EnMasseVersion release)
    {
        var offered = EnMasseTypesOf(release);
        return narrowing is null
            ? offered
            : narrowing.Where(n => offered.ContainsKey(n.Key))
                .ToFrozenDictionary(n => n.Key, n => n.Value.Where(offered[n.Key].Contains).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>A policy with nothing set: EnMasse's defaults, platform kubernetes.</summary>
    public static AdmissionPolicy Empty { get; } = new(
        "default",
        Platform.Kubernetes,
        "enmasse-infra",
        EnMasseTypes,
        new PolicyDefaults(null, FrozenDictionary<string, IReadOnlyList<MappingNode>>.Empty, "selfsigned", "selfsigned"),
        [],
        FrozenDictionary<string, RuleSetting>.Empty,
        []);

    /// <summary>Requesters never denied (spec.trustedRequesters); none unless the policy names some.</summary>
    public TrustedRequesters TrustedRequesters { get; init; } = TrustedRequesters.None;

    /// <summary>spec.tenants: per-team entitlements, in the policy's order; none unless the policy names some.</summary>
    public IReadOnlyList<TenantEntitlement> Tenants { get; init; } = [];

    /// <summary>The first entry of spec.tenants whose namespaces match, or null: a namespace no entry names has no limits.</summary>
    public TenantEntitlement? TenantOf(string @namespace)
    {
        for (var i = 0; i < Tenants.Count; i++)
        {
            if (Tenants[i].Applies(@namespace))
            {
                return Tenants[i];
            }
        }

        return null;
    }

    public string PlatformName => Platform == Platform.OpenShift ? "openshift" : "kubernetes";

    public string DefaultCertProvider => Platform == Platform.OpenShift ? Defaults.CertProviderOpenShift : Defaults.CertProviderKubernetes;
}

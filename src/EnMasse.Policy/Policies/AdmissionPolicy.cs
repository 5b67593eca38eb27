using System.Collections.Frozen;
using EnMasse.Policy.Documents;

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
    /// <summary>EnMasse's own schema: which address types each address space type offers.</summary>
    public static readonly FrozenDictionary<string, FrozenSet<string>> EnMasseTypes = new Dictionary<string, FrozenSet<string>>
    {
        ["standard"] = new[] { "queue", "topic", "anycast", "multicast", "subscription" }.ToFrozenSet(StringComparer.Ordinal),
        ["brokered"] = new[] { "queue", "topic" }.ToFrozenSet(StringComparer.Ordinal),
    }.ToFrozenDictionary(StringComparer.Ordinal);

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

    public string PlatformName => Platform == Platform.OpenShift ? "openshift" : "kubernetes";

    public string DefaultCertProvider => Platform == Platform.OpenShift ? Defaults.CertProviderOpenShift : Defaults.CertProviderKubernetes;
}

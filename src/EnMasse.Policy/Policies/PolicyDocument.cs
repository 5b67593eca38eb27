using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Policies;

/// <summary>
/// Typed, positioned view of a schema-checked policy.yaml, bound once: the binder reads the
/// settings from it, and the consistency check points at its nodes. Keys the user wrote (rule
/// ids, address space types) keep their entry, so a finding can stand at the key.
/// </summary>
public sealed record PolicyDocument(
    MappingNode Root,
    Text? Name,
    Text? Platform,
    Text? EnMasseVersion,
    Text? InfraNamespace,
    IReadOnlyList<PolicyAddressSpaceType>? AddressSpaceTypes,
    PolicyDefaultsView Defaults,
    IReadOnlyList<PolicyGrant> ServiceAccountGrants,
    IReadOnlyList<PolicyRuleSetting> Rules,
    IReadOnlyList<PolicyExemption> Exemptions)
{
    /// <summary>spec.sharedCertSecrets: globs of infra-namespace secrets tenants may name in cert.secretName.</summary>
    public IReadOnlyList<Text> SharedCertSecrets { get; init; } = [];

    /// <summary>spec.trustedRequesters; empty lists when absent.</summary>
    public PolicyTrustedRequesters TrustedRequesters { get; init; } = new([], [], []);

    /// <summary>spec.tenants, in order; empty when absent.</summary>
    public IReadOnlyList<PolicyTenant> Tenants { get; init; } = [];

    public static PolicyDocument Bind(MappingNode root)
    {
        var spec = NodeRead.Map(root, "spec");
        var trusted = NodeRead.Map(spec, "trustedRequesters");
        var defaults = NodeRead.Map(spec, "defaults");
        var certProvider = NodeRead.Map(defaults, "certProvider");
        return new PolicyDocument(
            root,
            NodeRead.String(NodeRead.Map(root, "metadata"), "name"),
            NodeRead.String(spec, "platform"),
            NodeRead.String(spec, "enmasseVersion"),
            NodeRead.String(spec, "infraNamespace"),
            NodeRead.Map(spec, "addressSpaceTypes")?.Entries.Select(e => new PolicyAddressSpaceType(e, NodeRead.Strings(e.Value as SequenceNode))).ToList(),
            new PolicyDefaultsView(
                NodeRead.String(defaults, "authenticationService"),
                [.. (NodeRead.Map(defaults, "endpoints")?.Entries ?? []).Select(e => new PolicyDefaultEndpoints(e, [.. NodeRead.Maps(e.Value as SequenceNode)]))],
                NodeRead.String(certProvider, "kubernetes"),
                NodeRead.String(certProvider, "openshift")),
            [.. NodeRead.Maps(NodeRead.List(NodeRead.Map(spec, "serviceAccountUsers"), "allowFrom"))
                .Select(g => new PolicyGrant(NodeRead.String(g, "namespace"), NodeRead.Strings(NodeRead.List(g, "serviceAccountNamespaces"))))],
            [.. (NodeRead.Map(spec, "rules")?.Entries ?? []).Select(e => new PolicyRuleSetting(e, (e.Value as MappingNode)?.Get("admission") as ScalarNode, (e.Value as MappingNode)?.Get("ci") as ScalarNode))],
            [.. NodeRead.Maps(NodeRead.List(spec, "exemptions")).Select(x => new PolicyExemption(
                NodeRead.Strings(NodeRead.List(x, "namespaces")),
                NodeRead.Strings(NodeRead.List(x, "kinds")),
                NodeRead.Strings(NodeRead.List(x, "names")),
                NodeRead.Strings(NodeRead.List(x, "rules"))))])
        {
            TrustedRequesters = new PolicyTrustedRequesters(
                NodeRead.Strings(NodeRead.List(trusted, "serviceAccounts")),
                NodeRead.Strings(NodeRead.List(trusted, "users")),
                NodeRead.Strings(NodeRead.List(trusted, "groups"))),
            SharedCertSecrets = NodeRead.Strings(NodeRead.List(spec, "sharedCertSecrets")),
            Tenants = [.. NodeRead.Maps(NodeRead.List(spec, "tenants")).Select(PolicyTenant.Bind)],
        };
    }
}

/// <summary>An entry of spec.addressSpaceTypes: the type (the entry's key) and the address types it allows.</summary>
public sealed record PolicyAddressSpaceType(NodeEntry Entry, IReadOnlyList<Text> AddressTypes);

/// <summary>spec.defaults.</summary>
public sealed record PolicyDefaultsView(Text? AuthenticationService, IReadOnlyList<PolicyDefaultEndpoints> Endpoints, Text? CertProviderKubernetes, Text? CertProviderOpenShift);

/// <summary>An entry of spec.defaults.endpoints: the address space type (the key) and its endpoints.</summary>
public sealed record PolicyDefaultEndpoints(NodeEntry Entry, IReadOnlyList<MappingNode> Endpoints);

/// <summary>An entry of spec.serviceAccountUsers.allowFrom.</summary>
public sealed record PolicyGrant(Text? Namespace, IReadOnlyList<Text> ServiceAccountNamespaces);

/// <summary>An entry of spec.rules: the rule id (the key) and its levels as written.</summary>
public sealed record PolicyRuleSetting(NodeEntry Entry, ScalarNode? Admission, ScalarNode? Ci);

/// <summary>An entry of spec.exemptions.</summary>
public sealed record PolicyExemption(IReadOnlyList<Text> Namespaces, IReadOnlyList<Text> Kinds, IReadOnlyList<Text> Names, IReadOnlyList<Text> Rules);

/// <summary>spec.trustedRequesters, as written.</summary>
public sealed record PolicyTrustedRequesters(IReadOnlyList<Text> ServiceAccounts, IReadOnlyList<Text> Users, IReadOnlyList<Text> Groups);

/// <summary>
/// An entry of spec.tenants, as written. A list left out is null, which is not an empty list:
/// absent grants what EnMasse offers, empty grants nothing.
/// </summary>
public sealed record PolicyTenant(
    int Index,
    MappingNode Node,
    IReadOnlyList<Text> Namespaces,
    IReadOnlyList<Text>? AddressSpacePlans,
    IReadOnlyList<Text>? AddressPlans,
    ScalarNode? MaxAddressSpaces,
    ScalarNode? MaxAddresses,
    ScalarNode? MaxMessagingUsers,
    Text? AddressSpaceNames,
    IReadOnlyList<Text>? AuthenticationTypes)
{
    public static PolicyTenant Bind(MappingNode node, int index) => new(
        index,
        node,
        NodeRead.Strings(NodeRead.List(node, "namespaces")),
        Optional(node, "addressSpacePlans"),
        Optional(node, "addressPlans"),
        Limit(node, "maxAddressSpaces"),
        Limit(node, "maxAddresses"),
        Limit(node, "maxMessagingUsers"),
        NodeRead.String(node, "addressSpaceNames"),
        Optional(node, "authenticationTypes"));

    /// <summary>The limits that are set, for the consistency check.</summary>
    public IEnumerable<ScalarNode> Limits => new[] { MaxAddressSpaces, MaxAddresses, MaxMessagingUsers }.OfType<ScalarNode>();

    /// <summary>A limit's value: a whole number from 0 to <see cref="int.MaxValue"/>; anything else is no value (the check reports it).</summary>
    public static int? LimitValue(ScalarNode? node) =>
        node is { Type: ScalarType.Int } && int.TryParse(node.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static IReadOnlyList<Text>? Optional(MappingNode node, string key) => NodeRead.List(node, key) is { } list ? NodeRead.Strings(list) : null;

    private static ScalarNode? Limit(MappingNode node, string key) => node.Get(key) is ScalarNode { IsNull: false } scalar ? scalar : null;
}

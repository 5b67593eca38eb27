using System.Collections.Frozen;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Policies;

/// <summary>Reads a schema-checked policy.yaml tree into <see cref="AdmissionPolicy"/>; what is not set keeps EnMasse's defaults.</summary>
internal static class PolicyBinder
{
    public static AdmissionPolicy Bind(MappingNode root)
    {
        var empty = AdmissionPolicy.Empty;
        var spec = NodeRead.Map(root, "spec");
        var defaults = NodeRead.Map(spec, "defaults");
        var certProvider = NodeRead.Map(defaults, "certProvider");
        return new AdmissionPolicy(
            NodeRead.String(NodeRead.Map(root, "metadata"), "name")?.Value ?? empty.Name,
            NodeRead.String(spec, "platform")?.Value == "openshift" ? Platform.OpenShift : Platform.Kubernetes,
            NodeRead.String(spec, "infraNamespace")?.Value ?? empty.InfraNamespace,
            AddressSpaceTypes(NodeRead.Map(spec, "addressSpaceTypes")) ?? empty.AddressSpaceTypes,
            new PolicyDefaults(
                NodeRead.String(defaults, "authenticationService")?.Value,
                Endpoints(NodeRead.Map(defaults, "endpoints")),
                NodeRead.String(certProvider, "kubernetes")?.Value ?? empty.Defaults.CertProviderKubernetes,
                NodeRead.String(certProvider, "openshift")?.Value ?? empty.Defaults.CertProviderOpenShift),
            [.. NodeRead.Maps(NodeRead.List(NodeRead.Map(spec, "serviceAccountUsers"), "allowFrom"))
                .Select(g => new ServiceAccountGrant(
                    NodeRead.String(g, "namespace")?.Value ?? string.Empty,
                    Strings(g, "serviceAccountNamespaces")))],
            Rules(NodeRead.Map(spec, "rules")),
            [.. NodeRead.Maps(NodeRead.List(spec, "exemptions"))
                .Select(e => new Exemption(Strings(e, "namespaces"), Strings(e, "kinds"), Strings(e, "names"), Strings(e, "rules")))]);
    }

    private static FrozenDictionary<string, FrozenSet<string>>? AddressSpaceTypes(MappingNode? types) =>
        types?.Entries.ToFrozenDictionary(
            e => e.Key,
            e => NodeRead.Strings(e.Value as SequenceNode).Select(t => t.Value).ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

    private static FrozenDictionary<string, IReadOnlyList<MappingNode>> Endpoints(MappingNode? endpoints) =>
        endpoints is null
            ? FrozenDictionary<string, IReadOnlyList<MappingNode>>.Empty
            : endpoints.Entries.ToFrozenDictionary(
                e => e.Key,
                e => (IReadOnlyList<MappingNode>)[.. NodeRead.Maps(e.Value as SequenceNode)],
                StringComparer.Ordinal);

    private static FrozenDictionary<string, RuleSetting> Rules(MappingNode? rules) =>
        rules is null
            ? FrozenDictionary<string, RuleSetting>.Empty
            : rules.Entries.ToFrozenDictionary(
                e => e.Key,
                e => new RuleSetting(Level(e.Value as MappingNode, "admission"), Level(e.Value as MappingNode, "ci")),
                StringComparer.Ordinal);

    private static RuleLevel? Level(MappingNode? setting, string point) => setting?.Get(point) switch
    {
        ScalarNode { Type: ScalarType.String, Value: "error" } => RuleLevel.Error,
        ScalarNode { Type: ScalarType.String, Value: "warning" } => RuleLevel.Warning,
        ScalarNode { Type: ScalarType.String, Value: "off" } => RuleLevel.Off,
        // An unquoted `off` is a YAML 1.1 boolean; it can only have meant off.
        ScalarNode flag when flag.TryGetBoolean(out var on) && !on => RuleLevel.Off,
        _ => null,
    };

    private static IReadOnlyList<string> Strings(MappingNode mapping, string key) =>
        [.. NodeRead.Strings(NodeRead.List(mapping, key)).Select(t => t.Value)];
}

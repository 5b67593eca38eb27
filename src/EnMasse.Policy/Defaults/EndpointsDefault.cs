using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Defaults;

/// <summary>
/// <c>default.endpoints</c>, as EnMasse's CreateController does it: an AddressSpace whose
/// spec.endpoints is absent or empty gets the default endpoints of its type; one that lists
/// endpoints gets the defaults of every service it does not mention. The defaults are the
/// policy's for the type, else EnMasse's own. Only additions: an empty list gets items, nothing
/// the tenant wrote is changed, and a default whose name the tenant already uses is left out.
/// </summary>
public sealed class EndpointsDefault : IDefault
{
    public string Id => RuleIds.DefaultEndpoints;

    public ResourceKind Kind => ResourceKind.AddressSpace;

    public string Summary => "an AddressSpace with no or empty spec.endpoints gets the default endpoints of its type, and one that lists endpoints gets the defaults of each service it leaves out (EnMasse's, per release: messaging and messaging-wss; console up to 0.30; mqtt for a with-mqtt infra config up to 0.31; exposed as on the platform)";

    public IEnumerable<(string[] Segments, Node Value)> Propose(Resource resource, AdmissionPolicy policy, ICatalog catalog)
    {
        if (resource.Spec is not { } spec || NodeRead.String(spec, "type") is not { } type || !policy.AddressSpaceTypes.ContainsKey(type.Value))
        {
            yield break;
        }

        var defaults = policy.Defaults.Endpoints.TryGetValue(type.Value, out var configured)
            ? configured
            : EnMasseEndpoints.For(type.Value, policy.Platform, policy.EnMasseVersion, WithMqtt(spec, catalog));
        switch (spec.Get("endpoints"))
        {
            case null:
                yield return (["spec", "endpoints"], NodeFactory.List(defaults));
                break;
            case SequenceNode written:
                var listed = NodeRead.Maps(written).ToList();
                var services = listed.Select(e => NodeRead.String(e, "service")?.Value).ToHashSet(StringComparer.Ordinal);
                var names = listed.Select(e => NodeRead.String(e, "name")?.Value).ToHashSet(StringComparer.Ordinal);
                var index = written.Items.Count;
                foreach (var endpoint in defaults)
                {
                    if (!services.Contains(NodeRead.String(endpoint, "service")?.Value) && names.Add(NodeRead.String(endpoint, "name")?.Value))
                    {
                        yield return (["spec", "endpoints", Index(index++)], endpoint);
                    }
                }

                break;
        }
    }

    /// <summary>True when the space's plan names a StandardInfraConfig annotated enmasse.io/with-mqtt.</summary>
    private static bool WithMqtt(MappingNode spec, ICatalog catalog) =>
        NodeRead.String(spec, "plan") is { } plan && catalog.AddressSpacePlan(plan.Value)?.InfraConfigRef is { } infra && catalog.HasMqtt(infra);

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

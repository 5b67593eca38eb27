using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Defaults;

/// <summary><c>default.endpoints</c>: an AddressSpace without spec.endpoints gets the policy's endpoints for its type.</summary>
public sealed class EndpointsDefault : IDefault
{
    public string Id => RuleIds.DefaultEndpoints;

    public ResourceKind Kind => ResourceKind.AddressSpace;

    public string Summary => "an AddressSpace with no spec.endpoints gets the policy's endpoints for its type (EnMasse's default: messaging)";

    public IEnumerable<(string[] Segments, Node Value)> Propose(Resource resource, AdmissionPolicy policy)
    {
        // An explicit empty list is the user's choice (no external endpoints) and is kept.
        if (resource.Spec is not { } spec || spec.Get("endpoints") is not null
            || NodeRead.String(spec, "type") is not { } type || !policy.AddressSpaceTypes.ContainsKey(type.Value))
        {
            yield break;
        }

        IEnumerable<Node> endpoints = policy.Defaults.Endpoints.TryGetValue(type.Value, out var configured)
            ? configured
            : [NodeFactory.Map(("name", NodeFactory.String("messaging")), ("service", NodeFactory.String("messaging")))];
        yield return (["spec", "endpoints"], NodeFactory.List(endpoints));
    }
}

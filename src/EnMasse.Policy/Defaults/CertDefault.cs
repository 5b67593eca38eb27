using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Defaults;

/// <summary><c>default.cert</c>: an endpoint without cert gets the policy's provider for the platform.</summary>
public sealed class CertDefault : IDefault
{
    public string Id => RuleIds.DefaultCert;

    public ResourceKind Kind => ResourceKind.AddressSpace;

    public string Summary => "an endpoint without cert gets the policy's provider for the platform (openshift on OpenShift, selfsigned elsewhere)";

    public IEnumerable<(string[] Segments, Node Value)> Propose(Resource resource, AdmissionPolicy policy)
    {
        if (NodeRead.List(resource.Spec, "endpoints") is not { } endpoints)
        {
            yield break;
        }

        for (var i = 0; i < endpoints.Items.Count; i++)
        {
            if (endpoints.Items[i] is MappingNode endpoint && endpoint.Get("cert") is null)
            {
                yield return (["spec", "endpoints", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "cert"],
                    NodeFactory.Map(("provider", NodeFactory.String(policy.DefaultCertProvider))));
            }
        }
    }
}

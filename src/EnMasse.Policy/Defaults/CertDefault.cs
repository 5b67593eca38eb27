using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Defaults;

/// <summary>
/// <c>default.cert</c>: an endpoint without cert, or with a cert that names no provider, gets
/// the policy's provider for the platform. EnMasse's own default is selfsigned on every platform
/// (wildcard when its operator configured a wildcard certificate); it also fills secretName,
/// which depends on the space's infra uuid and is left to it.
/// </summary>
public sealed class CertDefault : IDefault
{
    public string Id => RuleIds.DefaultCert;

    public ResourceKind Kind => ResourceKind.AddressSpace;

    public string Summary => "an endpoint without cert, or whose cert names no provider, gets the policy's provider for the platform (EnMasse's: selfsigned everywhere)";

    public IEnumerable<(string[] Segments, Node Value)> Propose(Resource resource, AdmissionPolicy policy, ICatalog catalog)
    {
        if (NodeRead.List(resource.Spec, "endpoints") is not { } endpoints)
        {
            yield break;
        }

        var provider = NodeFactory.String(policy.DefaultCertProvider);
        for (var i = 0; i < endpoints.Items.Count; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (endpoints.Items[i] is not MappingNode endpoint)
            {
                continue;
            }

            switch (endpoint.Get("cert"))
            {
                case null:
                    yield return (["spec", "endpoints", index, "cert"], NodeFactory.Map(("provider", provider)));
                    break;
                case MappingNode cert when cert.Get("provider") is null:
                    yield return (["spec", "endpoints", index, "cert", "provider"], provider);
                    break;
            }
        }
    }
}

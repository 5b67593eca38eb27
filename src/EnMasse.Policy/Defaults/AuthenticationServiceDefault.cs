using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Defaults;

/// <summary><c>default.authentication-service</c>: an AddressSpace naming no authentication service gets the policy's.</summary>
public sealed class AuthenticationServiceDefault : IDefault
{
    public string Id => RuleIds.DefaultAuthenticationService;

    public ResourceKind Kind => ResourceKind.AddressSpace;

    public string Summary => "an AddressSpace with no spec.authenticationService gets the policy's default";

    public IEnumerable<(string[] Segments, Node Value)> Propose(Resource resource, AdmissionPolicy policy, ICatalog catalog)
    {
        if (resource.Spec is { } spec && spec.Get("authenticationService") is null && policy.Defaults.AuthenticationService is { } name)
        {
            yield return (["spec", "authenticationService"], NodeFactory.Map(("name", NodeFactory.String(name))));
        }
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary>
/// <c>addressspace.cert-secret</c>: an endpoint's cert.secretName names the space's own secret
/// (external-certs-&lt;service&gt;-&lt;infra-uuid&gt;, as EnMasse fills it in) or one the
/// platform shares. EnMasse resolves the name in its infra namespace and mounts that secret into
/// the space's router (or writes a certBundle into it), so any other name reaches another
/// space's certificate and key.
/// </summary>
public sealed class AddressSpaceCertSecretRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceCertSecret;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "cert.secretName is the space's own external-certs-<service>-<infra-uuid> or a secret the policy shares (sharedCertSecrets): EnMasse looks it up in its infra namespace";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        var uuid = subject.Annotation(ProtectedAnnotations.InfraUuid)?.Value;
        foreach (var endpoint in subject.Endpoints)
        {
            if (endpoint.CertSecretName is not { } secret
                || (uuid is not null && endpoint.Service is { } service && secret.Value == $"external-certs-{service.Value}-{uuid}")
                || context.Policy.SharedCertSecrets.Any(glob => Names.GlobMatches(glob, secret.Value)))
            {
                continue;
            }

            context.Report(secret, $"cert.secretName \"{secret.Value}\" names a secret in EnMasse's infra namespace ({context.Policy.InfraNamespace}) that is not this space's own; EnMasse would mount it into this space's router, and another space's certificate and key are not the tenant's to use. Leave secretName out (EnMasse names the space's own secret) or ask the platform team to share it (sharedCertSecrets in the policy)");
        }
    }
}

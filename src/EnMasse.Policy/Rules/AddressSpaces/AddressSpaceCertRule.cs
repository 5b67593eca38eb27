using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.cert</c>: a known certificate provider, with what it needs. Never quotes the key.</summary>
public sealed class AddressSpaceCertRule : TenantRule<AddressSpaceObject>
{
    private static readonly string[] Providers = ["selfsigned", "openshift", "certBundle", "wildcard"];

    public override string Id => RuleIds.AddressSpaceCert;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "cert.provider is selfsigned, openshift, certBundle or wildcard; certBundle needs base64 tlsKey and tlsCert; openshift only on OpenShift";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        foreach (var endpoint in subject.Endpoints)
        {
            if (endpoint.Cert is not { } cert)
            {
                continue;
            }

            if (endpoint.CertProvider is not { } provider)
            {
                context.ReportMissing(cert, "provider", $"cert needs a provider: one of {Names.List(Providers)}");
                continue;
            }

            switch (provider.Value)
            {
                case "certBundle":
                    RequireBase64(cert, "tlsKey", context);
                    RequireBase64(cert, "tlsCert", context);
                    break;
                case "openshift" when context.Policy.Platform != Platform.OpenShift:
                    context.Report(provider, $"cert provider \"openshift\" needs the OpenShift service CA, but the platform is {context.Policy.PlatformName}; use selfsigned, certBundle or wildcard");
                    break;
                case "selfsigned" or "openshift" or "wildcard":
                    break;
                default:
                    context.Report(provider, $"cert provider \"{provider.Value}\" is not supported; allowed: {Names.List(Providers)}{Names.DidYouMean(provider.Value, Providers)}");
                    break;
            }
        }
    }

    private static void RequireBase64(Documents.MappingNode cert, string key, RuleContext context)
    {
        if (NodeRead.String(cert, key) is not { } value)
        {
            context.ReportMissing(cert, key, $"cert provider certBundle needs {key} (base64 of the PEM)");
        }
        else if (!Names.IsBase64(value.Value))
        {
            context.Report(value, $"{key} is not valid base64; encode the PEM, e.g. base64 -w0 < file.pem");
        }
    }
}

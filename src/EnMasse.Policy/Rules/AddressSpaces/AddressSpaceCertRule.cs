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

    public override string Summary => "cert.provider, when set, is selfsigned, openshift, certBundle or wildcard; certBundle needs tlsKey and tlsCert in base64 as EnMasse's Java decoder reads it (one line); openshift only on OpenShift";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        foreach (var endpoint in subject.Endpoints)
        {
            if (endpoint.Cert is not { } cert)
            {
                continue;
            }

            // Without a provider EnMasse uses its default (selfsigned, or wildcard when the operator set one).
            if (endpoint.CertProvider is not { } provider)
            {
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
        else if (value.Value.Length == 0 || Base64Text.DecodeJava(value.Value) is null)
        {
            context.Report(value, $"{key} is not base64 as EnMasse reads it (Java's decoder: one line, no spaces or line breaks); encode the PEM, e.g. base64 -w0 < file.pem");
        }
    }
}

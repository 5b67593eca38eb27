using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EnMasse.Policy.Security;

/// <summary>A CA and a serving certificate signed by it, as PEM text.</summary>
public sealed record CertificatePair(string CaCertificatePem, string CaKeyPem, string ServerCertificatePem, string ServerKeyPem)
{
    public static IReadOnlyList<string> DnsNames(string service, string ns) =>
        [service, $"{service}.{ns}", $"{service}.{ns}.svc", $"{service}.{ns}.svc.cluster.local", "localhost"];
}

/// <summary>Makes a CA and a serving certificate with .NET's own cryptography, for `enmasse-policy certs` and the webhook's --dev-cert.</summary>
public static class DevelopmentCertificates
{
    public static CertificatePair Create(string service, string ns, TimeSpan validity)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={service}-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now, now + (validity * 10));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest($"CN={service}.{ns}.svc", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in CertificatePair.DnsNames(service, ns))
        {
            san.AddDnsName(name);
        }

        san.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var server = serverRequest.Create(ca, now, now + validity, serial);

        return new CertificatePair(ca.ExportCertificatePem() + "\n", caKey.ExportPkcs8PrivateKeyPem() + "\n", server.ExportCertificatePem() + "\n", serverKey.ExportPkcs8PrivateKeyPem() + "\n");
    }
}

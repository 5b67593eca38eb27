using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EnMasse.Certificates;

/// <summary>Makes CAs and serving certificates signed by them (ECDSA P-256), for `enmasse-policy certs`, --dev-cert and self-managed rotation.</summary>
public static class CertificateAuthority
{
    /// <summary>A new CA (valid ten times as long) and a serving certificate from it.</summary>
    public static CertificatePair Create(string service, string ns, TimeSpan validity, DateTimeOffset? now = null)
    {
        var start = (now ?? DateTimeOffset.UtcNow).AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={service}-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(start, start + (validity * 10));
        var caPem = ca.ExportCertificatePem() + "\n";
        var caKeyPem = caKey.ExportPkcs8PrivateKeyPem() + "\n";
        var (serverPem, serverKeyPem) = IssueServer(caPem, caKeyPem, service, ns, validity, now);
        return new CertificatePair(caPem, caKeyPem, serverPem, serverKeyPem);
    }

    /// <summary>A serving certificate for the service, signed by the given CA.</summary>
    public static (string CertificatePem, string KeyPem) IssueServer(string caPem, string caKeyPem, string service, string ns, TimeSpan validity, DateTimeOffset? now = null)
    {
        var start = (now ?? DateTimeOffset.UtcNow).AddMinutes(-5);
        using var ca = X509Certificate2.CreateFromPem(caPem, caKeyPem);
        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={service}.{ns}.svc", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in CertificatePair.DnsNames(service, ns))
        {
            san.AddDnsName(name);
        }

        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var end = start + validity;
        if (end > ca.NotAfter)
        {
            end = ca.NotAfter;
        }

        using var server = request.Create(ca, start, end, serial);
        return (server.ExportCertificatePem() + "\n", serverKey.ExportPkcs8PrivateKeyPem() + "\n");
    }
}

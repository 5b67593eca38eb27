namespace EnMasse.Certificates;

/// <summary>A CA and a serving certificate signed by it, as PEM text.</summary>
public sealed record CertificatePair(string CaCertificatePem, string CaKeyPem, string ServerCertificatePem, string ServerKeyPem)
{
    public static IReadOnlyList<string> DnsNames(string service, string ns) =>
        [service, $"{service}.{ns}", $"{service}.{ns}.svc", $"{service}.{ns}.svc.cluster.local", "localhost"];
}

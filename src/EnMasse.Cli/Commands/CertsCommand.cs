using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EnMasse.Cli.Console;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy certs</c>: a CA and a serving certificate for the webhook, made with .NET's own cryptography.</summary>
internal static class CertsCommand
{
    public const string Help = """
        Usage: enmasse-policy certs [options]

        Writes ca.crt, ca.key, tls.crt and tls.key (PEM, ECDSA P-256) for the admission webhook.
        The serving certificate names <svc>, <svc>.<ns>, <svc>.<ns>.svc,
        <svc>.<ns>.svc.cluster.local, localhost and 127.0.0.1: what the API server and local
        tests connect to. Put ca.crt (base64) into the webhook configurations' caBundle.

        --service NAME     the webhook's Service (default enmasse-admission)
        --namespace NS     its namespace (default enmasse-infra)
        --out DIR          where to write (default certs)
        --days N           validity of the serving certificate (default 365; the CA gets 10x)
        --force            overwrite existing files

        Exit codes: 0 written, 2 bad options or the files exist (use --force).
        """;

    private static readonly HashSet<string> Valued = ["--service", "--namespace", "--out", "--days"];
    private static readonly HashSet<string> Flags = ["--force", "--help"];

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var parsed = CliArguments.Parse(args, Valued, Flags);
        if (parsed.Has("--help"))
        {
            console.Out.Write(Help);
            return ExitCodes.Ok;
        }

        if (parsed.Error is not null || parsed.Positional.Count > 0)
        {
            return Usage(console, parsed.Error ?? $"unexpected argument {parsed.Positional[0]}");
        }

        if (!int.TryParse(parsed.Value("--days") ?? "365", System.Globalization.CultureInfo.InvariantCulture, out var days) || days is < 1 or > 3650)
        {
            return Usage(console, "--days takes a whole number from 1 to 3650");
        }

        var service = parsed.Value("--service") ?? "enmasse-admission";
        var ns = parsed.Value("--namespace") ?? "enmasse-infra";
        var outDir = Path.GetFullPath(parsed.Value("--out") ?? "certs", console.WorkingDirectory);
        string[] names = ["ca.crt", "ca.key", "tls.crt", "tls.key"];
        if (!parsed.Has("--force") && names.FirstOrDefault(n => File.Exists(Path.Combine(outDir, n))) is { } existing)
        {
            return Usage(console, $"{Path.Combine(parsed.Value("--out") ?? "certs", existing)} exists; use --force to replace it");
        }

        var pair = DevelopmentCertificates.Create(service, ns, TimeSpan.FromDays(days));
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "ca.crt"), pair.CaCertificatePem);
        WriteKey(Path.Combine(outDir, "ca.key"), pair.CaKeyPem);
        File.WriteAllText(Path.Combine(outDir, "tls.crt"), pair.ServerCertificatePem);
        WriteKey(Path.Combine(outDir, "tls.key"), pair.ServerKeyPem);
        console.Out.WriteLine($"wrote ca.crt, ca.key, tls.crt, tls.key to {parsed.Value("--out") ?? "certs"} for {service}.{ns}.svc, valid {days} days");
        return ExitCodes.Ok;
    }

    private static void WriteKey(string path, string pem)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"enmasse-policy certs: {message}");
        return ExitCodes.Usage;
    }
}

/// <summary>A CA and a serving certificate signed by it, as PEM text.</summary>
internal sealed record CertificatePair(string CaCertificatePem, string CaKeyPem, string ServerCertificatePem, string ServerKeyPem)
{
    public static IReadOnlyList<string> DnsNames(string service, string ns) =>
        [service, $"{service}.{ns}", $"{service}.{ns}.svc", $"{service}.{ns}.svc.cluster.local", "localhost"];
}

internal static class DevelopmentCertificates
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

using EnMasse.Certificates;
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
        var (parsed, parseExit) = CliArguments.ForCommand(args, Valued, Flags, Help, "certs", console);
        if (parsed is null)
        {
            return parseExit;
        }

        if (parsed.Positional.Count > 0)
        {
            return Usage(console, $"unexpected argument {parsed.Positional[0]}");
        }

        if (!int.TryParse(parsed.Value("--days") ?? "365", System.Globalization.CultureInfo.InvariantCulture, out var days) || days is < 1 or > 3650)
        {
            return Usage(console, "--days takes a whole number from 1 to 3650");
        }

        var service = parsed.Value("--service") ?? "enmasse-admission";
        var ns = parsed.Value("--namespace") ?? "enmasse-infra";
        var outDir = Path.GetFullPath(parsed.Value("--out") ?? "certs", console.WorkingDirectory);
        if (!parsed.Has("--force") && CertificateFiles.All.FirstOrDefault(n => File.Exists(Path.Combine(outDir, n))) is { } existing)
        {
            return Usage(console, $"{Path.Combine(parsed.Value("--out") ?? "certs", existing)} exists; use --force to replace it");
        }

        var pair = CertificateAuthority.Create(service, ns, TimeSpan.FromDays(days));
        CertificateFiles.Write(outDir, pair);
        console.Out.WriteLine($"wrote ca.crt, ca.key, tls.crt, tls.key to {parsed.Value("--out") ?? "certs"} for {service}.{ns}.svc, valid {days} days");
        return ExitCodes.Ok;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"enmasse-policy certs: {message}");
        return ExitCodes.Usage;
    }
}

using System.CommandLine;
using EnMasse.Certificates;
using EnMasse.Cli.Console;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy certs</c>: a CA and a serving certificate for the webhook, made with .NET's own cryptography.</summary>
internal static class CertsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("certs", "Make a CA and serving certificate for the webhook.");
        var service = new Option<string>("--service") { Description = "The webhook's Service.", HelpName = "NAME", DefaultValueFactory = _ => "enmasse-admission" };
        var ns = new Option<string>("--namespace", "-n") { Description = "The Service's namespace (the chart's release namespace).", HelpName = "NS", DefaultValueFactory = _ => "enmasse-admission" };
        var output = new Option<string>("--out") { Description = "Where to write.", HelpName = "DIR", DefaultValueFactory = _ => "certs" };
        var days = new Option<int>("--days") { Description = "Validity of the serving certificate, 1 to 3650 days (the CA gets ten times as long).", HelpName = "N", DefaultValueFactory = _ => 365 };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files." };
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3650)
            {
                r.AddError("--days takes a whole number from 1 to 3650");
            }
        });
        command.Add(service);
        command.Add(ns);
        command.Add(output);
        command.Add(days);
        command.Add(force);
        Epilogues.Attach(command, """
            Writes ca.crt, ca.key, tls.crt and tls.key (PEM, ECDSA P-256) for the admission webhook. The serving
            certificate names <svc>, <svc>.<ns>, <svc>.<ns>.svc, <svc>.<ns>.svc.cluster.local, localhost and
            127.0.0.1: what the API server and local tests connect to. Put ca.crt (base64) into the webhook
            configurations' caBundle.

            Exit codes: 0 written, 2 bad options or the files exist (use --force).
            """);
        command.SetAction(parsed =>
        {
            var outDir = parsed.GetValue(output)!;
            var full = Path.GetFullPath(outDir, console.WorkingDirectory);
            if (!parsed.GetValue(force) && CertificateFiles.All.FirstOrDefault(n => File.Exists(Path.Combine(full, n))) is { } existing)
            {
                console.Error.WriteLine($"enmasse-policy certs: {Path.Combine(outDir, existing)} exists; use --force to replace it");
                return ExitCodes.Usage;
            }

            var pair = CertificateAuthority.Create(parsed.GetValue(service)!, parsed.GetValue(ns)!, TimeSpan.FromDays(parsed.GetValue(days)));
            CertificateFiles.Write(full, pair);
            console.Out.WriteLine($"wrote ca.crt, ca.key, tls.crt, tls.key to {outDir} for {parsed.GetValue(service)}.{parsed.GetValue(ns)}.svc, valid {parsed.GetValue(days)} days");
            return ExitCodes.Ok;
        });
        return command;
    }
}

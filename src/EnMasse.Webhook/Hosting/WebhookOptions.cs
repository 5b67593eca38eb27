using System.Net;

namespace EnMasse.Webhook.Hosting;

/// <summary>The webhook's settings, from flags (<c>--port 9443</c>) or configuration keys / ENMASSE_WEBHOOK_* variables of the same names.</summary>
internal sealed record WebhookOptions
{
    public int Port { get; init; } = 8443;

    public IPAddress Address { get; init; } = IPAddress.Any;

    public string CertDir { get; init; } = "certs";

    public bool DevCert { get; init; }

    public string Policies { get; init; } = "policies";

    public IReadOnlyList<string> Catalog { get; init; } = [];

    public string CatalogSource { get; init; } = "files";

    /// <summary>files: tls.crt/tls.key are mounted; self-managed: the webhook keeps them in a Secret and writes them to CertDir.</summary>
    public string CertMode { get; init; } = "files";

    /// <summary>For self-managed mode: the Secret, the webhook's Service and the name of both webhook configurations.</summary>
    public string? SelfManagedSecret { get; init; }

    public string? Service { get; init; }

    public string? WebhookConfiguration { get; init; }

    public int SelfManagedValidityDays { get; init; } = 365;

    public int SelfManagedRenewBeforeDays { get; init; } = 30;

    /// <summary>The pod's namespace (POD_NAMESPACE), where the Secret lives.</summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// A path the user typed, relative to where they typed it: `dotnet run --project` starts the
    /// server in the project's folder, but the shell's PWD still names the user's.
    /// </summary>
    private static string FromInvocation(string path)
    {
        if (Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } pwd)
        {
            return path;
        }

        var fromShell = Path.Combine(pwd, path);
        return File.Exists(fromShell) || Directory.Exists(fromShell) || !(File.Exists(path) || Directory.Exists(path)) ? fromShell : path;
    }

    /// <summary>
    /// A default folder: ./NAME when it exists, else NAME at the root of the checkout the
    /// server runs from (`dotnet run --project` starts in the project's folder).
    /// </summary>
    private static string FromCheckout(string name)
    {
        if (Directory.Exists(name))
        {
            return name;
        }

        for (var dir = Directory.GetCurrentDirectory(); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Webhook.sln")))
            {
                return Path.Combine(dir, name);
            }
        }

        return name;
    }

    private static readonly string[] Valued = ["port", "address", "cert-dir", "policies", "catalog", "catalog-source", "cert-mode", "self-managed-secret", "service", "webhook-configuration", "namespace", "self-managed-validity-days", "self-managed-renew-before-days"];

    /// <summary>Reads flags over configuration; returns a message for anything that cannot start a server.</summary>
    public static (WebhookOptions? Options, string? Error) From(IReadOnlyList<string> args, Func<string, string?> configuration, bool development)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var devCert = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--dev-cert")
            {
                devCert = true;
                continue;
            }

            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            var eq = name?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            var key = eq > 0 ? name![..eq] : name;
            if (key is null || !Valued.Contains(key))
            {
                return (null, $"unknown argument {arg}; flags: --port N --address A --cert-dir DIR --dev-cert --policies DIR --catalog PATH --catalog-source files|cluster --cert-mode files|self-managed --self-managed-secret NAME --service NAME --webhook-configuration NAME --namespace NS");
            }

            var value = eq > 0 ? name![(eq + 1)..] : (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                return (null, $"--{key} needs a value");
            }

            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
            }

            list.Add(value);
        }

        string? Get(string key) => values.TryGetValue(key, out var list) ? list[^1] : configuration(key);

        var options = new WebhookOptions
        {
            CertDir = Get("cert-dir") is { } certDir ? FromInvocation(certDir) : FromCheckout("certs"),
            Policies = Get("policies") is { } policies ? FromInvocation(policies) : FromCheckout("policies"),
            CatalogSource = Get("catalog-source") ?? "files",
            CertMode = Get("cert-mode") ?? "files",
            SelfManagedSecret = Get("self-managed-secret"),
            Service = Get("service"),
            WebhookConfiguration = Get("webhook-configuration"),
            Namespace = Get("namespace") ?? Environment.GetEnvironmentVariable("POD_NAMESPACE"),
            DevCert = devCert || development || configuration("dev-cert") is "true" or "True" or "1",
            Catalog = [.. (values.TryGetValue("catalog", out var catalogs)
                ? (IEnumerable<string>)catalogs
                : (configuration("catalog") ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(FromInvocation)],
        };
        if (Get("port") is { } port)
        {
            if (!int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 0 or > 65535)
            {
                return (null, $"--port takes a number from 0 to 65535, not \"{port}\"");
            }

            options = options with { Port = number };
        }

        if (Get("address") is { } address)
        {
            if (!IPAddress.TryParse(address, out var ip))
            {
                return (null, $"--address takes an IP address, not \"{address}\"");
            }

            options = options with { Address = ip };
        }

        foreach (var (key, apply) in new (string, Func<int, WebhookOptions>)[]
        {
            ("self-managed-validity-days", days => options with { SelfManagedValidityDays = days }),
            ("self-managed-renew-before-days", days => options with { SelfManagedRenewBeforeDays = days }),
        })
        {
            if (Get(key) is { } text)
            {
                if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var days) || days < 1)
                {
                    return (null, $"--{key} takes a whole number of days, not \"{text}\"");
                }

                options = apply(days);
            }
        }

        if (options.CertMode is not ("files" or "self-managed"))
        {
            return (null, $"--cert-mode is files or self-managed, not \"{options.CertMode}\"");
        }

        if (options.CertMode == "self-managed" && (options.SelfManagedSecret is null || options.Service is null || options.WebhookConfiguration is null || options.Namespace is null))
        {
            return (null, "--cert-mode self-managed needs --self-managed-secret, --service, --webhook-configuration and --namespace (or POD_NAMESPACE)");
        }

        if (options.CatalogSource is not ("files" or "cluster"))
        {
            return (null, $"--catalog-source is files or cluster, not \"{options.CatalogSource}\"");
        }

        return (options, null);
    }
}

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

    private static readonly string[] Valued = ["port", "address", "cert-dir", "policies", "catalog", "catalog-source"];

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
                return (null, $"unknown argument {arg}; flags: --port N --address A --cert-dir DIR --dev-cert --policies DIR --catalog PATH --catalog-source files|cluster");
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

        if (options.CatalogSource is not ("files" or "cluster"))
        {
            return (null, $"--catalog-source is files or cluster, not \"{options.CatalogSource}\"");
        }

        return (options, null);
    }
}

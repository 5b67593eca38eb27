using System.ComponentModel;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Options;

namespace EnMasse.Webhook.Hosting;

/// <summary>
/// Turns flags and ENMASSE_WEBHOOK_* variables into configuration for <see cref="WebhookOptions"/>.
/// ASP.NET's command-line provider binds the values; this class only knows each flag's arity
/// (a switch such as --dev-cert takes no value, --catalog repeats) and refuses flags that do not
/// exist, so a typo stops the server instead of being ignored.
/// </summary>
internal static class WebhookSettings
{
    public const string EnvironmentPrefix = "ENMASSE_WEBHOOK_";

    private sealed record Setting(PropertyInfo Property, string Key, string Flag, string Description)
    {
        public bool IsSwitch => Property.PropertyType == typeof(bool);

        public bool Repeats => Property.PropertyType == typeof(List<string>);
    }

    private static readonly IReadOnlyList<Setting> All = [.. typeof(WebhookOptions).GetProperties().Select(p =>
    {
        var key = p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? throw new InvalidOperationException($"{p.Name} has no configuration key");
        return new Setting(p, key, "--" + key.ToLowerInvariant().Replace('_', '-'), p.GetCustomAttribute<DescriptionAttribute>()?.Description ?? string.Empty);
    })];

    /// <summary>The text of --help: every flag, its variable, its default.</summary>
    public static string Help { get; } = BuildHelp();

    public static bool AsksForHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");

    /// <summary>The flags as configuration keys (--cert-dir x becomes CERT_DIR=x); throws <see cref="WebhookSettingsException"/> for a flag that does not exist or lacks its value.</summary>
    public static IReadOnlyList<string> ToConfiguration(IReadOnlyList<string> args)
    {
        var result = new List<string>();
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var flag = eq > 0 ? arg[..eq] : arg;
            var setting = All.FirstOrDefault(s => s.Flag == flag)
                ?? throw new WebhookSettingsException($"unknown argument {arg}; run with --help for the flags");
            string value;
            if (eq > 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (setting.IsSwitch)
            {
                value = "true";
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new WebhookSettingsException($"{flag} needs a value");
            }

            var key = setting.Key;
            if (setting.Repeats)
            {
                var index = repeats.GetValueOrDefault(key);
                repeats[key] = index + 1;
                key = $"{key}:{index}";
            }

            result.Add($"--{key}={value}");
        }

        return result;
    }

    /// <summary>Adds the variables and then the flags, so that a flag overrides a variable.</summary>
    public static IConfigurationBuilder AddWebhookSettings(this IConfigurationBuilder configuration, IReadOnlyList<string> args, IConfiguration? environment = null)
    {
        if (environment is null)
        {
            configuration.AddEnvironmentVariables(EnvironmentPrefix);
        }
        else
        {
            configuration.AddConfiguration(environment);
        }

        return configuration.AddCommandLine([.. ToConfiguration(args)]);
    }

    /// <summary>
    /// What binding leaves to fill in: the development certificate, the pod's namespace, and a
    /// catalogue given as one comma-separated variable (the binder reads lists only as CATALOG:0, CATALOG:1, ...).
    /// </summary>
    public static void Complete(WebhookOptions options, IConfiguration configuration, bool development)
    {
        options.DevCert |= development;
        options.Namespace ??= Environment.GetEnvironmentVariable("POD_NAMESPACE");
        if (options.Catalog.Count == 0 && configuration["CATALOG"] is { Length: > 0 } list)
        {
            options.Catalog = [.. list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
    }

    /// <summary>
    /// Binds and validates as the server does at start, for a caller that needs the settings
    /// before the host runs (and for tests); throws <see cref="WebhookSettingsException"/> with
    /// every problem.
    /// </summary>
    public static WebhookOptions Bind(IConfiguration configuration, bool development)
    {
        var options = new WebhookOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new WebhookSettingsException(BindingMessage(e));
        }

        Complete(options, configuration, development);
        var validation = new WebhookOptionsValidator().Validate(Options.DefaultName, options);
        return validation.Failed ? throw new WebhookSettingsException(validation.FailureMessage) : options;
    }

    /// <summary>Flags and variables to settings: the options, or the message that says why the server cannot start.</summary>
    public static (WebhookOptions? Options, string? Error) Load(IReadOnlyList<string> args, IConfiguration? environment = null, bool development = false)
    {
        try
        {
            var configuration = new ConfigurationBuilder().AddWebhookSettings(args, environment).Build();
            return (Bind(configuration, development), null);
        }
        catch (WebhookSettingsException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Names the setting a value did not fit, by its flag, without the binder's type names.</summary>
    private static string BindingMessage(InvalidOperationException e)
    {
        var setting = All.FirstOrDefault(s => e.Message.Contains($"'{s.Key}'", StringComparison.OrdinalIgnoreCase) || e.Message.Contains($"'{s.Key}:", StringComparison.OrdinalIgnoreCase));
        var reason = e.InnerException?.Message ?? e.Message;
        return setting is null ? reason : $"{setting.Flag}: {reason}";
    }

    private static string BuildHelp()
    {
        var text = new StringBuilder();
        text.Append("Usage: enmasse-webhook [flags]\n\n");
        text.Append("The EnMasse admission webhook over HTTPS: POST /validate and /mutate (AdmissionReview),\n");
        text.Append("GET /healthz, /readyz and /metrics. Every flag can also be set as the variable shown.\n\n");
        var defaults = new WebhookOptions();
        foreach (var setting in All)
        {
            var value = setting.Property.GetValue(defaults);
            var shown = value switch
            {
                bool or null => null,
                List<string> list => list.Count == 0 ? null : string.Join(",", list),
                CatalogSource source => KebabCaseEnumConverter<CatalogSource>.ToName(source),
                CertMode mode => KebabCaseEnumConverter<CertMode>.ToName(mode),
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            };
            text.Append("  ").Append(setting.Flag).Append(setting.IsSwitch ? string.Empty : " VALUE").Append('\n');
            text.Append("      ").Append(setting.Description).Append(shown is null ? string.Empty : $" (default {shown})").Append('\n');
            text.Append("      env ").Append(EnvironmentPrefix).Append(setting.Key).Append('\n');
        }

        text.Append("  --help, -h\n      this text\n\n");
        text.Append("Exit codes: 0 stopped cleanly, 2 the settings or the certificate do not allow a start.\n");
        return text.ToString();
    }
}

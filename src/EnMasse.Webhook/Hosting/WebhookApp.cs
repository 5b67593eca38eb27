using System.Net;
using System.Security.Authentication;
using EnMasse.Policy.Vocabulary;
using EnMasse.Webhook.Admission;
using EnMasse.Webhook.Diagnostics;
using EnMasse.Webhook.Serving;
using EnMasse.Webhook.Tls;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Prometheus;

namespace EnMasse.Webhook.Hosting;

/// <summary>Builds the webhook host: Kestrel over HTTPS and the endpoints of webhook.md, mapped in one place.</summary>
internal static class WebhookApp
{
    /// <summary>Two objects of at most 3 MB and the envelope.</summary>
    public const long MaxBodyBytes = 7L * 1024 * 1024;

    /// <summary>Bodies between the two limits are read and dropped so the caller gets a clean 413 instead of a reset connection.</summary>
    public const long HardBodyBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The host for the given flags (and ENMASSE_WEBHOOK_* variables, which flags override).
    /// Throws <see cref="WebhookSettingsException"/> when the settings cannot start a server.
    /// </summary>
    /// <param name="kubernetes">The API client for --catalog-source cluster and self-managed certificates; null builds one from kubeconfig or the pod's service account.</param>
    /// <param name="environment">Stands in for the ENMASSE_WEBHOOK_* variables (tests); null reads the process's.</param>
    public static WebApplication Build(IReadOnlyList<string> args, Action<ILoggingBuilder>? logging = null, Func<k8s.IKubernetes>? kubernetes = null, IConfiguration? environment = null)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Defaults under every other source: ASP.NET Core's own lines (five per request at
        // Information) only from Warning up, unless Logging__LogLevel__Microsoft.AspNetCore says otherwise.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = QuietFramework });
        builder.Configuration.AddWebhookSettings(args, environment);
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration)
            .PostConfigure(o => WebhookSettings.Complete(o, builder.Configuration, development))
            .ValidateOnStart();

        // The modes decide which services exist, so they are read before the host is built; the
        // same binding and validation run again at start through IOptions.
        var settings = WebhookSettings.Bind(builder.Configuration, development);
        var metrics = new WebhookMetrics(Metrics.NewCustomRegistry());
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(sp => Sources(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        builder.Services.AddSingleton<PolicyState>();
        builder.Services.AddSingleton<AdmissionHandler>();
        builder.Services.AddSingleton(sp => new CertificateStore(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.CertDir, metrics, sp.GetRequiredService<ILogger<CertificateStore>>()));
        if (settings.CatalogSource == CatalogSource.Cluster || settings.CertMode == CertMode.SelfManaged)
        {
            if (kubernetes is null && Cluster.ClusterCredentials.Missing(settings.CatalogSource == CatalogSource.Cluster ? "--catalog-source cluster" : "--cert-mode self-managed", Environment.GetEnvironmentVariable) is { } missing)
            {
                throw new WebhookSettingsException(missing);
            }

            builder.Services.AddSingleton(_ => kubernetes?.Invoke() ?? new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildDefaultConfig()));
        }

        if (settings.CertMode == CertMode.SelfManaged)
        {
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton(sp => new CertificateRotator(
                sp.GetRequiredService<k8s.IKubernetes>(),
                sp.GetRequiredService<TimeProvider>(),
                SelfManaged(sp.GetRequiredService<IOptions<WebhookOptions>>().Value)));
            builder.Services.AddHostedService<SelfManagedCertificates>();
        }

        if (settings.CatalogSource == CatalogSource.Cluster)
        {
            builder.Services.AddSingleton<Cluster.ClusterObjects>();
            builder.Services.AddSingleton<Cluster.ClusterCatalogFeed>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Cluster.ClusterCatalogFeed>());
        }

        if (settings.BackgroundAudit)
        {
            builder.Services.AddSingleton(new Audit.BackgroundAuditSettings(TimeSpan.FromSeconds(settings.BackgroundAuditPeriodSeconds), settings.PolicyReportName));
            builder.Services.AddSingleton<Audit.PolicyReportPublisher>();
            builder.Services.AddSingleton<Audit.BackgroundAudit>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Audit.BackgroundAudit>());
        }

        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = HardBodyBytes;
            var store = kestrel.ApplicationServices.GetRequiredService<CertificateStore>();
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<WebhookOptions>>().Value;
            kestrel.Listen(IPAddress.Parse(options.Address), options.Port, listen =>
            {
                // The API server pins ALPN to http/1.1; HTTP/2 stays available for other clients.
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https =>
                {
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    https.ServerCertificateSelector = (_, _) => store.Current;
                });
            });
        });

        var app = builder.Build();
        Map(app);
        return app;
    }

    /// <summary>The framework's log level by default: a line per request is the webhook's own, at Debug.</summary>
    public static IReadOnlyDictionary<string, string?> QuietFramework { get; } = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" };

    /// <summary>Loads certificate and policy and starts watching them; a failed first load leaves the server not ready.</summary>
    public static void Initialize(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        var store = app.Services.GetRequiredService<CertificateStore>();
        if (options.DevCert)
        {
            store.EnsureDevelopmentPair();
        }

        if (options.CertMode == CertMode.SelfManaged)
        {
            // The pair arrives from the Secret after start; until then the server is not ready.
            Directory.CreateDirectory(options.CertDir);
        }

        store.Load();
        store.Watch();
        var state = app.Services.GetRequiredService<PolicyState>();
        state.Reload();
        state.Watch();
    }

    private static PolicySources Sources(WebhookOptions options) =>
        new(options.Policies, options.Catalog, options.CatalogSource == CatalogSource.Cluster, KeepObjects: options.BackgroundAudit);

    private static SelfManagedOptions SelfManaged(WebhookOptions options) => new(
        options.Namespace!,
        options.SelfManagedSecret!,
        options.Service!,
        options.WebhookConfiguration!,
        options.WebhookConfiguration!,
        TimeSpan.FromDays(options.SelfManagedValidityDays),
        TimeSpan.FromDays(options.SelfManagedRenewBeforeDays));

    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    private static void Map(WebApplication app)
    {
        // Plain request delegates with the handler captured: no parameter binding, no request
        // scope per review (a service parameter made one), as lean as the no-op endpoint of bench/.
        var handler = app.Services.GetRequiredService<AdmissionHandler>();
        app.MapPost("/validate", (RequestDelegate)(context => Review(context, handler, AdmissionWebhook.Validate)));
        app.MapPost("/mutate", (RequestDelegate)(context => Review(context, handler, AdmissionWebhook.Mutate)));
        // HEAD too: load balancers and probes use it.
        string[] probe = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/healthz", probe, () => Results.Text("ok"));
        app.MapMethods("/readyz", probe, (PolicyState state, CertificateStore store, IServiceProvider services) =>
        {
            var feed = services.GetService<Cluster.ClusterCatalogFeed>();
            var missing = state.Current is null ? "policy not loaded"
                : store.Current is null ? "certificate not loaded"
                : feed is { Ready: false } ? "first list of plans and address spaces not received"
                : null;
            return missing is null ? Results.Text("ready") : Results.Text(missing, statusCode: 503);
        });
        app.MapGet("/metrics", async (HttpContext context, WebhookMetrics metrics) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
    }

    private static async Task Review(HttpContext context, AdmissionHandler handler, AdmissionWebhook webhook)
    {
        if (!IsJson(context.Request.ContentType))
        {
            await Answer(context, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json"u8.ToArray(), PlainText);
            return;
        }

        if (context.Request.Headers.ContentEncoding is { Count: > 0 } encoding && !encoding.All(e => string.Equals(e, "identity", StringComparison.OrdinalIgnoreCase)))
        {
            await Answer(context, StatusCodes.Status415UnsupportedMediaType, Utf8($"Content-Encoding {ShownText.Value(encoding.ToString(), 64)} is not supported: send the review uncompressed, as the API server does"), PlainText);
            return;
        }

        RequestBody request;
        try
        {
            request = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLarge(context);
            return;
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            // A malformed chunk, a body that stops short or arrives too slowly: the caller's fault, answered, not an unhandled error.
            await Answer(context, e.StatusCode, Utf8("the body could not be read: " + ShownText.Value(e.Message, 200)), PlainText);
            return;
        }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await Answer(context, StatusCodes.Status400BadRequest, Utf8("the body could not be read: it is not valid HTTP framing"), PlainText);
            return;
        }

        using (request)
        {
            if (request.TooLarge)
            {
                await TooLarge(context);
                return;
            }

            var (status, body, contentType) = handler.Handle(request.Content, webhook);
            await Answer(context, status, body, contentType);
        }
    }

    /// <summary>application/json, with or without parameters (charset), in any case.</summary>
    private static bool IsJson(string? contentType)
    {
        var type = contentType.AsSpan();
        var semicolon = type.IndexOf(';');
        return (semicolon < 0 ? type : type[..semicolon]).Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    private static Task Answer(HttpContext context, int status, byte[] body, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static Task TooLarge(HttpContext context) =>
        Answer(context, StatusCodes.Status413PayloadTooLarge, Utf8($"the body is larger than {MaxBodyBytes / (1024 * 1024)} MiB"), PlainText);

    private const string PlainText = "text/plain; charset=utf-8";

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}

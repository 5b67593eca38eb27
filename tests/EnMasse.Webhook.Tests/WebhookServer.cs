using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using EnMasse.Webhook.Hosting;
using EnMasse.Webhook.Serving;
using EnMasse.Webhook.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnMasse.Webhook.Tests;

/// <summary>A real webhook on 127.0.0.1 over HTTPS, with its own copy of the policy and a development certificate.</summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, string root, Uri address, HttpClient client)
    {
        _app = app;
        Root = root;
        Address = address;
        Client = client;
    }

    /// <summary>No ENMASSE_WEBHOOK_* variables: the flags alone configure a test server, whatever the machine has set.</summary>
    public static IConfiguration NoVariables { get; } = new ConfigurationBuilder().Build();

    public string Root { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string PolicyDir => Path.Combine(Root, "policies");

    public string CertDir => Path.Combine(Root, "certs");

    /// <summary>The --catalog directory that holds the world the server was started with.</summary>
    public string CatalogDir => Path.Combine(Root, "catalog");

    public PolicyState Policy => _app.Services.GetRequiredService<PolicyState>();

    public CertificateStore Certificates => _app.Services.GetRequiredService<CertificateStore>();

    public EnMasse.Webhook.Cluster.ClusterCatalogFeed Feed => _app.Services.GetRequiredService<EnMasse.Webhook.Cluster.ClusterCatalogFeed>();

    /// <summary>The background audit, when the server was started with --background-audit; else null.</summary>
    public EnMasse.Webhook.Audit.BackgroundAudit? Audit => _app.Services.GetService<EnMasse.Webhook.Audit.BackgroundAudit>();

    /// <param name="policy">A policy.yaml to serve instead of the shipped one (the shipped plans stay).</param>
    public static async Task<WebhookServer> StartAsync(string? world = null, Action<ILoggingBuilder>? logging = null, Uri? kubernetes = null, IReadOnlyList<string>? extraArgs = null, string? policy = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "enmasse-webhook-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(Repo.Policies, Path.Combine(root, "policies"));
        if (policy is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(root, "policies", "policy.yaml"), policy);
        }

        var catalog = new List<string>();
        if (world is not null)
        {
            Directory.CreateDirectory(Path.Combine(root, "catalog"));
            await File.WriteAllTextAsync(Path.Combine(root, "catalog", "world.yaml"), world);
            catalog.Add(Path.Combine(root, "catalog"));
        }

        List<string> args = ["--port=0", "--address=127.0.0.1", $"--cert-dir={Path.Combine(root, "certs")}", "--dev-cert", $"--policies={Path.Combine(root, "policies")}"];
        args.AddRange(catalog.SelectMany(c => new[] { "--catalog", c }));
        if (kubernetes is not null)
        {
            args.Add("--catalog-source=cluster");
        }

        args.AddRange(extraArgs ?? []);

        var app = WebhookApp.Build(args, builder =>
        {
            builder.ClearProviders();
            logging?.Invoke(builder);
        }, kubernetes is null ? null : () => new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = kubernetes.ToString() }), NoVariables);
        WebhookApp.Initialize(app);
        await app.StartAsync();
        var address = new Uri(WebhookApp.Addresses(app).Single());
        var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(root, "certs", "ca.crt")));
        var handler = TrustingHandler(ca);
        var client = new HttpClient(handler) { BaseAddress = address, DefaultRequestVersion = new Version(1, 1) };
        return new WebhookServer(app, root, address, client);
    }

    /// <summary>A handler that trusts exactly the given CA, as the API server does with caBundle.</summary>
    public static SocketsHttpHandler TrustingHandler(X509Certificate2 ca) => new()
    {
        Expect100ContinueTimeout = TimeSpan.FromSeconds(30),
        SslOptions = new System.Net.Security.SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is X509Certificate2 served && chain.Build(served);
            },
        },
    };

    public async Task<(int Status, JsonElement? Response, string Text)> PostAsync(string path, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement? review = null;
        if (response.IsSuccessStatusCode)
        {
            using var document = JsonDocument.Parse(text);
            review = document.RootElement.Clone();
        }

        return ((int)response.StatusCode, review, text);
    }

    /// <summary>Asks the host to stop, as a SIGTERM would.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using EnMasse.Webhook.Hosting;
using EnMasse.Webhook.Tls;
using Microsoft.AspNetCore.Builder;
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

    public string Root { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string PolicyDir => Path.Combine(Root, "policies");

    public string CertDir => Path.Combine(Root, "certs");

    public PolicyState Policy => _app.Services.GetRequiredService<PolicyState>();

    public CertificateStore Certificates => _app.Services.GetRequiredService<CertificateStore>();

    public EnMasse.Webhook.Cluster.ClusterCatalogFeed Feed => _app.Services.GetRequiredService<EnMasse.Webhook.Cluster.ClusterCatalogFeed>();

    public static async Task<WebhookServer> StartAsync(string? world = null, Action<ILoggingBuilder>? logging = null, Uri? kubernetes = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "enmasse-webhook-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(Repo.Root, "policies"), Path.Combine(root, "policies"));
        var catalog = new List<string>();
        if (world is not null)
        {
            var worldFile = Path.Combine(root, "world.yaml");
            await File.WriteAllTextAsync(worldFile, world);
            catalog.Add(worldFile);
        }

        var options = new WebhookOptions
        {
            Port = 0,
            Address = System.Net.IPAddress.Loopback,
            CertDir = Path.Combine(root, "certs"),
            DevCert = true,
            Policies = Path.Combine(root, "policies"),
            Catalog = catalog,
            CatalogSource = kubernetes is null ? "files" : "cluster",
        };
        var app = WebhookApp.Build(options, builder =>
        {
            builder.ClearProviders();
            logging?.Invoke(builder);
        }, kubernetes is null ? null : () => new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = kubernetes.ToString() }));
        WebhookApp.Initialise(app);
        await app.StartAsync();
        var address = new Uri(WebhookApp.Addresses(app).Single());
        var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(options.CertDir, "ca.crt")));
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

internal static class Repo
{
    public static string Root { get; } = Find("Webhook.sln") ?? throw new InvalidOperationException("repository root not found");

    public static string Corpus { get; } = Path.Combine(Find("shared/corpus", directory: true) ?? throw new InvalidOperationException("shared/corpus not found beside the checkout"), "shared", "corpus");

    private static string? Find(string relative, bool directory = false)
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, relative);
            if (directory ? Directory.Exists(candidate) : File.Exists(candidate))
            {
                return dir;
            }
        }

        return null;
    }
}

/// <summary>AdmissionReview bodies as the API server sends them.</summary>
internal static class Reviews
{
    public static string For(string objectJson, string operation = "CREATE", string? oldJson = null, string apiVersion = "admission.k8s.io/v1", string uid = "705ab4f5-6393-11e8-b7cc-42010a800002", string ns = "team1", bool dryRun = false)
    {
        using var document = JsonDocument.Parse(objectJson);
        var kind = document.RootElement.TryGetProperty("kind", out var k) ? k.GetString() : null;
        var apiVersionOfObject = document.RootElement.TryGetProperty("apiVersion", out var v) ? v.GetString() ?? string.Empty : string.Empty;
        var slash = apiVersionOfObject.IndexOf('/', StringComparison.Ordinal);
        var group = slash > 0 ? apiVersionOfObject[..slash] : string.Empty;
        var version = slash > 0 ? apiVersionOfObject[(slash + 1)..] : apiVersionOfObject;
        var objectPart = operation == "DELETE" ? "null" : objectJson;
        var request = $"{{\"uid\":\"{uid}\",\"kind\":{{\"group\":\"{group}\",\"version\":\"{version}\",\"kind\":\"{kind}\"}},"
            + $"\"resource\":{{\"group\":\"{group}\",\"version\":\"{version}\",\"resource\":\"x\"}},\"namespace\":\"{ns}\",\"operation\":\"{operation}\","
            + $"\"userInfo\":{{\"username\":\"dev\"}},\"object\":{objectPart},\"oldObject\":{oldJson ?? "null"},\"dryRun\":{(dryRun ? "true" : "false")}}}";
        return $"{{\"apiVersion\":\"{apiVersion}\",\"kind\":\"AdmissionReview\",\"request\":{request}}}";
    }
}

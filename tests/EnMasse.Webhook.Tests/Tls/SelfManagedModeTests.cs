using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EnMasse.Webhook.Hosting;
using EnMasse.Webhook.Tls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnMasse.Webhook.Tests.Tls;

public sealed class SelfManagedModeTests
{
    private const string Webhook = """{"apiVersion":"admissionregistration.k8s.io/v1","kind":"KIND","metadata":{"name":"guard","resourceVersion":"1"},"webhooks":[{"name":"x.enmasse.policy.io","clientConfig":{"service":{"name":"guard","namespace":"infra","path":"/p"}},"sideEffects":"None","admissionReviewVersions":["v1"]}]}""";

    [Fact]
    public async Task Wire_format_server_self_managed_mode_serves_https_with_the_pair_it_created_and_published()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.PutObject("validatingwebhookconfigurations/guard", Webhook.Replace("KIND", "ValidatingWebhookConfiguration", StringComparison.Ordinal));
        api.PutObject("mutatingwebhookconfigurations/guard", Webhook.Replace("KIND", "MutatingWebhookConfiguration", StringComparison.Ordinal));
        var certDir = Path.Combine(Path.GetTempPath(), "enmasse-self-" + Guid.NewGuid().ToString("N"));
        var app = WebhookApp.Build(
            ["--port=0", "--address=127.0.0.1", $"--cert-dir={certDir}", $"--policies={Repo.Policies}", "--cert-mode=self-managed", "--self-managed-secret=guard-tls", "--service=guard", "--webhook-configuration=guard", "--namespace=infra"],
            logging => logging.ClearProviders(),
            () => new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = api.Address.ToString() }),
            WebhookServer.NoVariables);
        var store = app.Services.GetRequiredService<CertificateStore>();
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += ok =>
        {
            if (ok)
            {
                loaded.TrySetResult();
            }
        };
        try
        {
            WebhookApp.Initialize(app);
            await app.StartAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var bundle = JsonNode.Parse(api.Object("validatingwebhookconfigurations/guard")!)!["webhooks"]![0]!["clientConfig"]!["caBundle"]!.GetValue<string>();
            using var ca = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(Convert.FromBase64String(bundle)));
            using var client = new HttpClient(WebhookServer.TrustingHandler(ca)) { BaseAddress = new Uri(WebhookApp.Addresses(app).Single()) };
            Assert.Equal("ok", await client.GetStringAsync("/healthz"));
            Assert.Equal("ready", await client.GetStringAsync("/readyz"));
            Assert.NotNull(api.Object("secrets/infra/guard-tls"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(certDir, recursive: true);
        }
    }

    [Fact]
    public void Self_managed_mode_needs_its_names()
    {
        var (options, error) = WebhookSettings.Load(["--cert-mode=self-managed", "--service=guard"], WebhookServer.NoVariables);
        Assert.Null(options);
        Assert.Contains("--self-managed-secret", error, StringComparison.Ordinal);
    }
}

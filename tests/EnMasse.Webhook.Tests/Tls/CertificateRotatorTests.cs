using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EnMasse.Webhook.Tls;

namespace EnMasse.Webhook.Tests.Tls;

/// <summary>Self-managed certificates against the local API wire-format server, with a clock the test moves.</summary>
public sealed class CertificateRotatorTests
{
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private const string Webhook = """{"apiVersion":"admissionregistration.k8s.io/v1","kind":"KIND","metadata":{"name":"enmasse-admission","resourceVersion":"1"},"webhooks":[{"name":"x.enmasse.policy.io","clientConfig":{"service":{"name":"enmasse-admission","namespace":"enmasse","path":"/p"}},"sideEffects":"None","admissionReviewVersions":["v1"]}]}""";

    [Fact]
    public async Task Wire_format_server_sees_create_renew_rotate_with_both_cas_and_drop_the_old_ca()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.PutObject("validatingwebhookconfigurations/enmasse-admission", Webhook.Replace("KIND", "ValidatingWebhookConfiguration", StringComparison.Ordinal));
        api.PutObject("mutatingwebhookconfigurations/enmasse-admission", Webhook.Replace("KIND", "MutatingWebhookConfiguration", StringComparison.Ordinal));
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = api.Address.ToString() });
        // Serving certificates for 30 days, renewed 7 days before; the CA lives 300 days.
        var options = new SelfManagedOptions("enmasse", "enmasse-admission-tls", "enmasse-admission", "enmasse-admission", "enmasse-admission", TimeSpan.FromDays(30), TimeSpan.FromDays(7));
        var rotator = new CertificateRotator(client, clock, options);

        var (created, _) = await rotator.RunOnceAsync();
        Assert.Equal(RotationAction.Created, created);
        var firstCa = Secret(api)["ca.crt"];
        Assert.Equal([firstCa], Bundle(api, "validatingwebhookconfigurations"));
        Assert.Equal([firstCa], Bundle(api, "mutatingwebhookconfigurations"));
        Assert.True(Chains(Secret(api)["tls.crt"], firstCa));

        var writes = api.Writes.Count;
        Assert.Equal(RotationAction.None, (await rotator.RunOnceAsync()).Action);
        Assert.Equal(writes, api.Writes.Count);

        // A helm upgrade rewrites a configuration without its caBundle; the next pass restores it.
        api.PutObject("validatingwebhookconfigurations/enmasse-admission", Webhook.Replace("KIND", "ValidatingWebhookConfiguration", StringComparison.Ordinal));
        Assert.Equal(RotationAction.None, (await rotator.RunOnceAsync()).Action);
        Assert.Equal([firstCa], Bundle(api, "validatingwebhookconfigurations"));
        writes = api.Writes.Count;

        clock.Now = clock.Now.AddDays(24);
        Assert.Equal(RotationAction.RenewedServer, (await rotator.RunOnceAsync()).Action);
        Assert.Equal(firstCa, Secret(api)["ca.crt"]);
        Assert.True(Chains(Secret(api)["tls.crt"], firstCa));
        Assert.True(api.Writes.Count > writes);

        clock.Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(295);
        Assert.Equal(RotationAction.RotatedCa, (await rotator.RunOnceAsync()).Action);
        var secondCa = Secret(api)["ca.crt"];
        Assert.NotEqual(firstCa, secondCa);
        Assert.Equal([firstCa, secondCa], Bundle(api, "validatingwebhookconfigurations"));
        Assert.Equal([firstCa, secondCa], Bundle(api, "mutatingwebhookconfigurations"));
        Assert.True(Chains(Secret(api)["tls.crt"], secondCa));

        clock.Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(301);
        Assert.Equal(RotationAction.DroppedOldCa, (await rotator.RunOnceAsync()).Action);
        Assert.Equal([secondCa], Bundle(api, "validatingwebhookconfigurations"));
        Assert.Equal([secondCa], Bundle(api, "mutatingwebhookconfigurations"));
    }

    [Fact]
    public async Task Wire_format_server_an_empty_secret_made_by_the_chart_is_filled_by_update_never_created()
    {
        // The chart creates the Secret without data, so the webhook's Role needs no "create".
        await using var api = await FakeApiServer.StartAsync();
        api.PutObject("validatingwebhookconfigurations/enmasse-admission", Webhook.Replace("KIND", "ValidatingWebhookConfiguration", StringComparison.Ordinal));
        api.PutObject("mutatingwebhookconfigurations/enmasse-admission", Webhook.Replace("KIND", "MutatingWebhookConfiguration", StringComparison.Ordinal));
        api.PutObject("secrets/enmasse/enmasse-admission-tls", """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"enmasse-admission-tls","namespace":"enmasse","resourceVersion":"7"},"type":"Opaque"}""");
        var client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = api.Address.ToString() });
        var options = new SelfManagedOptions("enmasse", "enmasse-admission-tls", "enmasse-admission", "enmasse-admission", "enmasse-admission", TimeSpan.FromDays(30), TimeSpan.FromDays(7));
        var rotator = new CertificateRotator(client, new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), options);

        Assert.Equal(RotationAction.Created, (await rotator.RunOnceAsync()).Action);

        Assert.DoesNotContain(api.Writes, w => w.StartsWith("create ", StringComparison.Ordinal));
        Assert.Contains("replace secrets/enmasse/enmasse-admission-tls", api.Writes);
        var secret = JsonNode.Parse(api.Object("secrets/enmasse/enmasse-admission-tls")!)!;
        Assert.Equal("Opaque", secret["type"]!.GetValue<string>());
        var ca = Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["ca.crt"]!.GetValue<string>()));
        Assert.Equal([ca], Bundle(api, "validatingwebhookconfigurations"));
        Assert.Equal(RotationAction.None, (await rotator.RunOnceAsync()).Action);
    }

    private static Dictionary<string, string> Secret(FakeApiServer api)
    {
        var secret = JsonNode.Parse(api.Object("secrets/enmasse/enmasse-admission-tls")!)!;
        Assert.Equal("kubernetes.io/tls", secret["type"]!.GetValue<string>());
        return secret["data"]!.AsObject().ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(Convert.FromBase64String(kv.Value!.GetValue<string>())));
    }

    private static List<string> Bundle(FakeApiServer api, string kind)
    {
        var configuration = JsonNode.Parse(api.Object($"{kind}/enmasse-admission")!)!;
        var pem = Encoding.UTF8.GetString(Convert.FromBase64String(configuration["webhooks"]![0]!["clientConfig"]!["caBundle"]!.GetValue<string>()));
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(pem);
        return [.. certificates.Select(c => c.ExportCertificatePem() + "\n")];
    }

    private static bool Chains(string serverPem, string caPem)
    {
        using var server = X509Certificate2.CreateFromPem(serverPem);
        using var ca = X509Certificate2.CreateFromPem(caPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = server.NotBefore.AddMinutes(10);
        return chain.Build(server);
    }
}

using System.Security.Cryptography.X509Certificates;
using EnMasse.Certificates;

namespace EnMasse.Webhook.Tests;

public sealed class ReloadTests
{
    private const string World = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: myspace, namespace: team1 }
        spec: { type: standard, plan: standard-small }
        """;

    private const string BadAddress = """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q1"},"spec":{"address":"q1","type":"queue","plan":"standard-huge-queue"}}""";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_changed_policy_is_loaded_and_applies_to_the_next_review()
    {
        await using var server = await WebhookServer.StartAsync(World);
        Assert.False(await Allowed(server));

        var reloaded = NextReload(server, expected: true);
        var policy = await File.ReadAllTextAsync(Path.Combine(server.PolicyDir, "policy.yaml"));
        await File.WriteAllTextAsync(Path.Combine(server.PolicyDir, "policy.yaml"), policy.Replace("namespaces: [enmasse-infra]", "namespaces: [enmasse-infra, team1]", StringComparison.Ordinal));
        await reloaded.WaitAsync(Wait);

        Assert.True(await Allowed(server));
    }

    [Fact]
    public async Task A_broken_policy_is_rejected_and_the_last_good_one_keeps_serving()
    {
        await using var server = await WebhookServer.StartAsync(World);
        var rejected = NextReload(server, expected: false);
        await File.AppendAllTextAsync(Path.Combine(server.PolicyDir, "policy.yaml"), "  platfrom: openshift\n");
        await rejected.WaitAsync(Wait);

        Assert.False(await Allowed(server));
        Assert.Equal("ready", await server.Client.GetStringAsync("/readyz"));
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("enmasse_policy_reloads_total{result=\"failure\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dangling_link_under_catalog_is_a_rejected_reload_and_the_server_keeps_serving()
    {
        await using var server = await WebhookServer.StartAsync(World);
        File.CreateSymbolicLink(Path.Combine(server.CatalogDir, "gone.yaml"), Path.Combine(server.Root, "missing.yaml"));
        var rejected = NextReload(server, expected: false);
        var policy = Path.Combine(server.PolicyDir, "policy.yaml");
        await File.WriteAllTextAsync(policy, (await File.ReadAllTextAsync(policy)).Replace("namespaces: [enmasse-infra]", "namespaces: [enmasse-infra, team1]", StringComparison.Ordinal));
        await rejected.WaitAsync(Wait);

        // The exemption of the new policy did not arrive: the last good state serves.
        Assert.False(await Allowed(server));
        Assert.Equal("ready", await server.Client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task A_new_certificate_pair_is_served_to_new_connections_without_a_restart()
    {
        await using var server = await WebhookServer.StartAsync(World);
        var before = server.Certificates.Current!.Thumbprint;
        var pair = CertificateAuthority.Create("enmasse-admission", "enmasse-infra", TimeSpan.FromDays(2));
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Certificates.Reloaded += ok =>
        {
            if (ok && server.Certificates.Current?.Thumbprint != before)
            {
                loaded.TrySetResult();
            }
        };

        await File.WriteAllTextAsync(Path.Combine(server.CertDir, "tls.key"), pair.ServerKeyPem);
        await File.WriteAllTextAsync(Path.Combine(server.CertDir, "tls.crt"), pair.ServerCertificatePem);
        await loaded.Task.WaitAsync(Wait);

        using var ca = X509Certificate2.CreateFromPem(pair.CaCertificatePem);
        string? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                presented = certificate?.Thumbprint;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(certificate);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = server.Address };
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.Equal(server.Certificates.Current!.Thumbprint, presented);
        Assert.NotEqual(before, presented);
    }

    /// <summary>The verdict on an Address with an unpublished plan in team1: denied unless the policy exempts team1.</summary>
    internal static async Task<bool> Allowed(WebhookServer server)
    {
        var (_, review, _) = await server.PostAsync("/validate", Reviews.For(BadAddress));
        return review!.Value.GetProperty("response").GetProperty("allowed").GetBoolean();
    }

    internal static Task NextReload(WebhookServer server, bool expected)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Policy.Reloaded += ok =>
        {
            if (ok == expected)
            {
                done.TrySetResult();
            }
        };
        return done.Task;
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using System.Diagnostics;

namespace EnMasse.Webhook.Tests.Reliability;

/// <summary>
/// A reload never kills or wedges the webhook: what cannot be read is a rejected reload,
/// counted and logged, the last good policy keeps serving, and the next good edit is loaded,
/// also after the policy directory was deleted and created again (reliability review D4, D7).
/// </summary>
public sealed class ReloadHardeningTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static Task<bool> Allowed(WebhookServer server) => ReloadTests.Allowed(server);

    private static Task NextReload(WebhookServer server, bool expected) => ReloadTests.NextReload(server, expected);

    /// <summary>The shipped policy with an exemption for team1, which turns the denial <see cref="Allowed"/> asks about into an allow.</summary>
    private static async Task ExemptTeam1(string policyDir)
    {
        var policy = Path.Combine(policyDir, "policy.yaml");
        await File.WriteAllTextAsync(policy, (await File.ReadAllTextAsync(Path.Combine(Repo.Policies, "policy.yaml"))).Replace("namespaces: [enmasse-infra]", "namespaces: [enmasse-infra, team1]", StringComparison.Ordinal));
    }

    private static async Task AssertRejectedThenRecovers(WebhookServer server, Action breakIt, Action repair, ConcurrentQueue<string> lines, string logged)
    {
        var rejected = NextReload(server, expected: false);
        breakIt();
        await rejected.WaitAsync(Wait);

        Assert.False(await Allowed(server));
        Assert.Equal("ready", await server.Client.GetStringAsync("/readyz"));
        Assert.Contains("enmasse_policy_reloads_total{result=\"failure\"}", await server.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);
        var rejections = lines.Where(l => l.StartsWith("Error: Policy reload", StringComparison.Ordinal)).ToList();
        Assert.True(rejections.Exists(l => l.Contains(logged, StringComparison.Ordinal)), "no rejection in the log says " + logged + ": " + string.Join(" | ", rejections));

        // Not wedged: the repair and the next good edit are loaded.
        // The repair may be loaded on its own before the edit is, or both in one reload: wait for
        // the reload that serves the edit (each wait subscribes before it asks, so none is missed).
        repair();
        await ExemptTeam1(server.PolicyDir);
        while (true)
        {
            var next = NextReload(server, expected: true);
            if (await Allowed(server))
            {
                break;
            }

            await next.WaitAsync(Wait);
        }
    }

    private static async Task<(WebhookServer Server, ConcurrentQueue<string> Lines)> Start()
    {
        var lines = new ConcurrentQueue<string>();
        return (await WebhookServer.StartAsync(World.Team1, logging: b => b.AddProvider(new CollectingLogger(lines))), lines);
    }

    [Fact]
    public async Task A_json_plan_with_half_a_surrogate_pair_is_a_rejected_reload()
    {
        var (server, lines) = await Start();
        await using var _ = server;
        var plan = Path.Combine(server.PolicyDir, "plans", "extra.json");

        await AssertRejectedThenRecovers(
            server,
            () => File.WriteAllText(plan, """{"apiVersion":"admin.enmasse.io/v1beta2","kind":"AddressPlan","metadata":{"name":"x\ud800"},"spec":{"addressType":"queue"}}"""),
            () => File.Delete(plan),
            lines,
            "surrogate");
    }

    [Fact]
    public async Task A_fifo_among_the_plans_is_a_rejected_reload_and_does_not_wedge_the_next_one()
    {
        var (server, lines) = await Start();
        await using var _ = server;
        var fifo = Path.Combine(server.PolicyDir, "plans", "f.yaml");

        await AssertRejectedThenRecovers(
            server,
            () =>
            {
                using var mkfifo = Process.Start("mkfifo", [fifo]);
                mkfifo.WaitForExit();
            },
            () => File.Delete(fifo),
            lines,
            "FIFO");
    }

    [Fact]
    public async Task Links_to_a_device_and_to_nothing_among_the_plans_are_rejected_reloads()
    {
        var (server, lines) = await Start();
        await using var _ = server;
        var zero = Path.Combine(server.PolicyDir, "plans", "zero.yaml");
        var gone = Path.Combine(server.PolicyDir, "plans", "gone.yaml");

        await AssertRejectedThenRecovers(
            server,
            () =>
            {
                File.CreateSymbolicLink(zero, "/dev/zero");
                File.CreateSymbolicLink(gone, Path.Combine(server.Root, "missing.yaml"));
            },
            () =>
            {
                File.Delete(zero);
                File.Delete(gone);
            },
            lines,
            "outside the directory");
    }

    [Fact]
    public async Task A_policy_directory_deleted_and_created_again_is_watched_again()
    {
        var (server, lines) = await Start();
        await using var _ = server;
        var copy = Path.Combine(server.Root, "policies.orig");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(server.PolicyDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(server.PolicyDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await AssertRejectedThenRecovers(
            server,
            () => Directory.Delete(server.PolicyDir, recursive: true),
            () => Directory.Move(copy, server.PolicyDir),
            lines,
            "does not exist");
    }

    [Fact]
    public async Task A_fifo_in_place_of_the_certificate_is_a_rejected_reload_and_the_old_pair_keeps_serving()
    {
        var (server, _) = await Start();
        await using var __ = server;
        var before = server.Certificates.Current!.Thumbprint;
        var rejected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Certificates.Reloaded += ok =>
        {
            if (!ok)
            {
                rejected.TrySetResult();
            }
        };

        var certificate = Path.Combine(server.CertDir, "tls.crt");
        File.Delete(certificate);
        using (var mkfifo = Process.Start("mkfifo", [certificate]))
        {
            mkfifo.WaitForExit();
        }

        await rejected.Task.WaitAsync(Wait);
        Assert.Equal(before, server.Certificates.Current!.Thumbprint);
        Assert.Equal("ok", await server.Client.GetStringAsync("/healthz"));
    }
}

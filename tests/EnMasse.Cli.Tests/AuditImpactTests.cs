using System.Text.Json;

namespace EnMasse.Cli.Tests;

/// <summary>
/// audit --policies NEW --compare-to CURRENT: which existing objects a policy change makes fail or
/// pass, against <see cref="FakeApiServer"/> (the API's wire format on loopback, not an API
/// server) or offline against a snapshot.
/// </summary>
public sealed class AuditImpactTests
{
    private const string WarnedAddressRule = "    user.authorization-address: { admission: warning, ci: warning }";

    /// <summary>A user whose pattern matches no address becomes an error; a misspelt operation becomes a warning.</summary>
    private static string Proposed(string policy) => policy.Replace(
        WarnedAddressRule,
        "    user.authorization-address: { admission: error, ci: error }\n    user.authorization: { admission: warning, ci: warning }",
        StringComparison.Ordinal);

    private static async Task<AuditCluster> Cluster()
    {
        var cluster = await AuditCluster.StartAsync();
        cluster.Space("team1", "orders");
        cluster.Address("team1", "orders", "q1");
        cluster.Address("team1", "orders", "big", plan: "standard-huge-queue");
        cluster.UserFor("team1", "orders", "alice", "nothing-here", "send");
        cluster.UserFor("team1", "orders", "bob", "q1", "send", "sned");
        return cluster;
    }

    [Fact]
    public async Task Compare_to_lists_objects_that_newly_fail_and_newly_pass_and_exits_1()
    {
        await using var cluster = await Cluster();
        var proposed = cluster.PolicyCopy("new", Proposed);
        var (exit, output, error) = cluster.Audit("--policies", proposed, "--compare-to", "builtin");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n');
        var failing = Array.IndexOf(lines, "newly failing (1):");
        var passing = Array.IndexOf(lines, "newly passing (1):");
        Assert.True(failing >= 0 && passing > failing, output);
        Assert.StartsWith("  + team1/MessagingUser/orders.alice spec.authorization[0].addresses[0]: error user.authorization-address: ", lines[failing + 1], StringComparison.Ordinal);
        Assert.StartsWith("  - team1/MessagingUser/orders.alice spec.authorization[0].addresses[0]: warning user.authorization-address: ", lines[failing + 2], StringComparison.Ordinal);
        Assert.StartsWith("  + team1/MessagingUser/orders.bob spec.authorization[0].operations[1]: warning user.authorization: ", lines[passing + 1], StringComparison.Ordinal);
        Assert.StartsWith("  - team1/MessagingUser/orders.bob spec.authorization[0].operations[1]: error user.authorization: ", lines[passing + 2], StringComparison.Ordinal);
        // The address with an unpublished plan fails under both the same way: not part of the impact.
        Assert.DoesNotContain("orders.big", output, StringComparison.Ordinal);
        Assert.Contains($"impact of {proposed} against builtin on 5 objects (context fake (", output, StringComparison.Ordinal);
        Assert.EndsWith("): 1 newly fail, 1 newly pass, 0 fail differently, 0 with other warnings; failing now 2, under " + proposed + " 2\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_that_fails_nothing_exits_0_and_json_says_what_moved()
    {
        await using var cluster = await Cluster();
        var relaxed = cluster.PolicyCopy("relaxed", p => p.Replace(WarnedAddressRule, WarnedAddressRule + "\n    user.authorization: { admission: warning, ci: warning }", StringComparison.Ordinal));
        var (exit, output, _) = cluster.Audit("--policies", relaxed, "--compare-to", "builtin", "-o", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("builtin", root.GetProperty("current").GetString());
        Assert.Equal(relaxed, root.GetProperty("proposed").GetString());
        Assert.Equal(5, root.GetProperty("summary").GetProperty("objects").GetInt32());
        Assert.Equal(0, root.GetProperty("summary").GetProperty("newly-fails").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("newly-passes").GetInt32());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("failingNow").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("failingProposed").GetInt32());
        var bob = Assert.Single(root.GetProperty("objects").EnumerateArray());
        Assert.Equal("team1/MessagingUser/orders.bob", bob.GetProperty("object").GetString());
        Assert.Equal("newly-passes", bob.GetProperty("change").GetString());
        Assert.Equal("warning", Assert.Single(bob.GetProperty("added").EnumerateArray()).GetProperty("severity").GetString());
        Assert.Equal("error", Assert.Single(bob.GetProperty("removed").EnumerateArray()).GetProperty("severity").GetString());
    }

    [Fact]
    public async Task The_webhooks_own_policy_is_read_from_its_configmap_for_either_side()
    {
        await using var cluster = await Cluster();
        var live = cluster.PolicyCopy("live");
        cluster.PolicyConfigMap(live);
        var proposed = cluster.PolicyCopy("new", Proposed);
        var (exit, output, _) = cluster.Audit("--policies", proposed, "--compare-to", "cluster");
        var (auditExit, audit, _) = cluster.Audit("--policies", "cluster");

        Assert.Equal(1, exit);
        Assert.Contains($"impact of {proposed} against configmap/enmasse-admission/enmasse-admission-policy on 5 objects", output, StringComparison.Ordinal);
        Assert.Contains("note: judged by configmap/enmasse-admission/enmasse-admission-policy (AdmissionPolicy \"default\")", output, StringComparison.Ordinal);
        Assert.Equal(1, auditExit);
        Assert.Contains("team1/Address/orders.big spec.plan: error address.plan", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_is_audited_offline_without_any_cluster()
    {
        using var run = new CliRun();
        run.Write("snapshot.yaml", """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: enmasse.io/v1beta1
                kind: AddressSpace
                metadata: { name: orders, namespace: team1 }
                spec: { type: standard, plan: standard-small }
              - apiVersion: user.enmasse.io/v1beta1
                kind: MessagingUser
                metadata: { name: orders.alice, namespace: team1 }
                spec:
                  username: alice
                  authentication: { type: password, password: c2VjcmV0 }
                  authorization: [ { addresses: [nothing-here], operations: [send] } ]
              - apiVersion: enmasse.io/v1beta1
                kind: Address
                metadata: { name: orders.big, namespace: team1 }
                spec: { address: big, type: queue, plan: standard-huge-queue }
            """);
        var policies = Path.Combine(run.Directory, "new");
        foreach (var file in Directory.EnumerateFiles(Repo.Policies, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(policies, Path.GetRelativePath(Repo.Policies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.WriteAllText(to, Proposed(File.ReadAllText(file)));
        }

        var (auditExit, audit, auditError) = run.Run("audit", "--catalog", "snapshot.yaml", "--policies", "builtin");
        var (exit, output, error) = run.Run("audit", "--catalog", "snapshot.yaml", "--policies", "new", "--compare-to", "builtin");

        Assert.Equal(1, auditExit);
        Assert.Equal(string.Empty, auditError);
        Assert.Contains("team1/Address/orders.big spec.plan: error address.plan", audit, StringComparison.Ordinal);
        Assert.Contains("audited 3 objects in 1 namespace (snapshot snapshot.yaml): 1 error, 1 warning", audit, StringComparison.Ordinal);
        // Offline findings name the object, not a line of the snapshot.
        Assert.DoesNotContain("snapshot.yaml:", audit, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("newly failing (1):\n  + team1/MessagingUser/orders.alice", output, StringComparison.Ordinal);
        Assert.Contains("impact of new against builtin on 3 objects (snapshot snapshot.yaml): 1 newly fail, 0 newly pass", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_to_prints_text_or_json_only()
    {
        using var run = new CliRun();
        var (exit, _, error) = run.Run("audit", "--catalog", "x.yaml", "--compare-to", "builtin", "-o", "sarif");
        Assert.Equal(2, exit);
        Assert.Contains("--compare-to prints the impact as text or json (-o text|json)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_does_not_load_stops_the_run_with_its_findings()
    {
        using var run = new CliRun();
        run.Write("snapshot.yaml", "apiVersion: v1\nkind: List\nitems: []\n");
        run.Write("broken/policy.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nmetadata: { name: x }\nspec: { platfrom: kubernetes }\n");
        var (exit, output, error) = run.Run("audit", "--catalog", "snapshot.yaml", "--policies", "broken");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("enmasse-policy audit: the policy broken does not load:\nbroken/policy.yaml:4:9: error ", error, StringComparison.Ordinal);
    }
}

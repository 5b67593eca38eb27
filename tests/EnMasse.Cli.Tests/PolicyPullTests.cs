namespace EnMasse.Cli.Tests;

/// <summary>
/// enmasse-policy policy pull against <see cref="FakeApiServer"/> (the API's wire format on
/// loopback, not an API server): the webhook's ConfigMap and the cluster's plans become a policy
/// directory that validate, policy check and audit take.
/// </summary>
public sealed class PolicyPullTests
{
    private static async Task<AuditCluster> WithWebhook()
    {
        var cluster = await AuditCluster.StartAsync();
        cluster.PolicyConfigMap(cluster.PolicyCopy("live"));
        // The cluster publishes a plan the policy's plans/ do not have, and its own standard-small that offers it.
        cluster.AddressPlan("standard-huge-queue", "queue");
        cluster.SpacePlan("standard-small", "standard", "standard-small-queue", "standard-huge-queue");
        return cluster;
    }

    private static string Tenant(CliRun run) => run.Write("team1/queue.yaml", """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: orders, namespace: team1 }
        spec: { type: standard, plan: standard-small }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: orders.big, namespace: team1 }
        spec: { address: big, type: queue, plan: standard-huge-queue }
        """);

    [Fact]
    public async Task Pull_writes_the_webhooks_policy_and_the_cluster_plans_over_its_own_and_validate_takes_it()
    {
        await using var cluster = await WithWebhook();
        var run = cluster.Run;
        Tenant(run);
        var (exit, output, error) = run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            [
                "wrote pulled/plans/addressplans.yaml",
                "wrote pulled/plans/addressspaceplans.yaml",
                "wrote pulled/plans/authenticationservices.yaml",
                "wrote pulled/plans/brokeredinfraconfigs.yaml",
                "wrote pulled/plans/standardinfraconfigs.yaml",
                "wrote pulled/policy.yaml",
            ],
            output.Split('\n').Where(l => l.StartsWith("wrote ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("pulled: ok (policy of configmap/enmasse-admission/enmasse-admission-policy, ", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Policies, "policy.yaml")), File.ReadAllText(Path.Combine(run.Directory, "pulled", "policy.yaml")));
        var addressPlans = File.ReadAllText(Path.Combine(run.Directory, "pulled", "plans", "addressplans.yaml"));
        Assert.StartsWith("# 23 AddressPlans pulled by enmasse-policy policy pull: ", addressPlans, StringComparison.Ordinal);
        Assert.Contains("name: standard-huge-queue", addressPlans, StringComparison.Ordinal);
        // What the API server adds is not part of a policy.
        Assert.DoesNotContain("uid:", addressPlans, StringComparison.Ordinal);
        Assert.DoesNotContain("resourceVersion", addressPlans, StringComparison.Ordinal);
        Assert.DoesNotContain("namespace:", addressPlans, StringComparison.Ordinal);

        var (checkExit, check, _) = run.Run("policy", "check", "pulled");
        Assert.Equal(0, checkExit);
        Assert.Contains("pulled: ok", check, StringComparison.Ordinal);
        // The cluster's standard-small offers standard-huge-queue, so the tenant file passes against what the cluster enforces,
        var (pulledExit, pulled, _) = run.Run("validate", "--policies", "pulled", "team1");
        Assert.Equal(0, pulledExit);
        Assert.Contains("0 errors", pulled, StringComparison.Ordinal);
        // and fails against the shipped policy, which publishes no such plan.
        var (builtinExit, _, _) = run.Run("validate", "--policies", "builtin", "team1");
        Assert.Equal(1, builtinExit);
    }

    [Fact]
    public async Task An_existing_pull_is_replaced_only_with_force_and_other_files_stay()
    {
        await using var cluster = await WithWebhook();
        var run = cluster.Run;
        Assert.Equal(0, run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig).Exit);
        run.Write("pulled/plans/stale.yaml", "# left from an older pull\n");
        run.Write("pulled/tests/keep.yaml", "# the platform's own tests\n");

        var (again, _, error) = run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig);
        Assert.Equal(2, again);
        Assert.Contains("pulled already holds policy.yaml and plans: pass --force to replace them", error, StringComparison.Ordinal);

        var (forced, _, _) = run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig, "--force");
        Assert.Equal(0, forced);
        Assert.False(File.Exists(Path.Combine(run.Directory, "pulled", "plans", "stale.yaml")));
        Assert.True(File.Exists(Path.Combine(run.Directory, "pulled", "tests", "keep.yaml")));
    }

    [Fact]
    public async Task Without_the_webhook_the_run_says_how_to_find_its_policy()
    {
        await using var cluster = await AuditCluster.StartAsync();
        var (exit, output, error) = cluster.Run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("enmasse-policy policy pull: no ConfigMap labelled app.kubernetes.io/name=enmasse-admission,app.kubernetes.io/component=policy in namespace enmasse-admission: ", error, StringComparison.Ordinal);
        Assert.Contains("--policy-configmap NS/NAME", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cluster.Run.Directory, "pulled")));
    }

    [Fact]
    public async Task A_configmap_named_explicitly_is_read_and_keys_that_are_no_policy_file_are_named()
    {
        await using var cluster = await AuditCluster.StartAsync();
        cluster.PolicyConfigMap(cluster.PolicyCopy("live"), ns: "platform", name: "our-policy", extra: new Dictionary<string, string> { ["README.md"] = "# notes" });
        var (exit, output, error) = cluster.Run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig, "--policy-configmap", "platform/our-policy");

        Assert.Equal(0, exit);
        Assert.Equal("enmasse-policy policy pull: configmap/platform/our-policy: key \"README.md\" is neither policy.yaml nor plans.*, so it is not written\n", error);
        Assert.Contains("pulled: ok (policy of configmap/platform/our-policy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_without_the_webhook_takes_its_policy_from_a_directory_or_builtin()
    {
        await using var cluster = await AuditCluster.StartAsync();
        cluster.AddressPlan("standard-huge-queue", "queue");
        var (exit, output, _) = cluster.Run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig, "--policy-from", "builtin");

        Assert.Equal(0, exit);
        Assert.Contains("pulled: ok (policy of builtin, 5 address space plans, 23 address plans)", output, StringComparison.Ordinal);
        Assert.Contains("# 23 AddressPlans pulled by enmasse-policy policy pull: 22 from builtin, 1 from the cluster (enmasse-infra)", File.ReadAllText(Path.Combine(cluster.Run.Directory, "pulled", "plans", "addressplans.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_plans_are_written_from_the_policy_and_exit_3()
    {
        await using var cluster = await AuditCluster.StartAsync();
        cluster.PolicyConfigMap(cluster.PolicyCopy("live"));
        cluster.Api.Forbid("addressplans");
        var (exit, _, error) = cluster.Run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig);

        Assert.Equal(3, exit);
        Assert.Contains("enmasse-policy policy pull: cannot read addressplans.admin.enmasse.io/v1beta2 in namespace enmasse-infra: forbidden (403)", error, StringComparison.Ordinal);
        Assert.Contains("the policy's own AddressPlans are written instead", error, StringComparison.Ordinal);
        Assert.Contains("# 22 AddressPlans pulled by enmasse-policy policy pull: 22 from configmap/enmasse-admission/enmasse-admission-policy", File.ReadAllText(Path.Combine(cluster.Run.Directory, "pulled", "plans", "addressplans.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_plans_that_do_not_fit_the_policy_are_written_and_the_pull_says_it_does_not_load()
    {
        await using var cluster = await WithWebhook();
        // standard-small offers standard-huge-queue, which cannot be read: the pulled directory is inconsistent.
        cluster.Api.Forbid("addressplans");
        var (exit, _, error) = cluster.Run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig);

        Assert.Equal(2, exit);
        Assert.Contains("enmasse-policy policy pull: pulled was written but does not load:\npulled/plans/addressspaceplans.yaml:", error, StringComparison.Ordinal);
        Assert.Contains("error policy.reference: plan \"standard-small\" lists address plan \"standard-huge-queue\", which is not published", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_configmaps_are_one_line_and_exit_2()
    {
        await using var cluster = await WithWebhook();
        cluster.Api.Forbid("configmaps");
        var (exit, _, error) = cluster.Run.Run("policy", "pull", "pulled", "--kubeconfig", cluster.Kubeconfig);

        Assert.Equal(2, exit);
        Assert.StartsWith("enmasse-policy policy pull: the ConfigMaps of namespace enmasse-admission: forbidden (403): reading the webhook's policy needs get (or list) on ConfigMaps in enmasse-admission\n", error, StringComparison.Ordinal);
    }
}

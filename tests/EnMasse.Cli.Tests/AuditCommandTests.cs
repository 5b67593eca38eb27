using System.Text.Json;
using EnMasse.Policy.Documents;

using Xunit.Abstractions;

namespace EnMasse.Cli.Tests;

/// <summary>
/// enmasse-policy audit against <see cref="FakeApiServer"/>: a local server that serves the
/// Kubernetes API's real wire format (discovery, paged lists, Status refusals), not a real API
/// server, since none runs here.
/// </summary>
public sealed class AuditCommandTests(ITestOutputHelper output)
{
    private static async Task<AuditCluster> Team1()
    {
        var cluster = await AuditCluster.StartAsync();
        cluster.Space("team1", "orders");
        cluster.Address("team1", "orders", "q1");
        cluster.Address("team1", "orders", "big", plan: "standard-huge-queue");
        cluster.User("team1", "orders", "teller", "send", "sned");
        return cluster;
    }

    [Fact]
    public async Task Audit_names_each_finding_by_object_and_path_and_exits_1()
    {
        await using var cluster = await Team1();
        var (exit, output, error) = cluster.Audit("--policies", "builtin");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("team1/Address/orders.big spec.plan: error address.plan: address plan \"standard-huge-queue\" is not published", output, StringComparison.Ordinal);
        Assert.Contains("team1/MessagingUser/orders.teller spec.authorization[0].operations[1]: error ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("team1/Address/orders.q1", output, StringComparison.Ordinal);
        Assert.Contains("audited 4 objects in 1 namespace (context fake (", output, StringComparison.Ordinal);
        Assert.Contains("judged by builtin (AdmissionPolicy \"default\") as EnMasse 0.31 at its admission severities; plans: the cluster's published plans over the policy's", output, StringComparison.Ordinal);
        // The password of the user is read from the cluster, and never printed.
        Assert.DoesNotContain("c2VjcmV0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_object_is_an_update_of_itself_without_ratcheting_so_errors_it_already_has_stay_errors()
    {
        await using var cluster = await Team1();
        var (_, output, _) = cluster.Audit("--policies", "builtin", "-o", "json");
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var plan = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "address.plan");
        // Ratcheting would have made it a warning "already there before this update"; an audit shows what is wrong now.
        Assert.Equal("error", plan.GetProperty("severity").GetString());
        Assert.DoesNotContain("already there", plan.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("team1/Address/orders.big", plan.GetProperty("file").GetString());
        Assert.Equal(0, plan.GetProperty("line").GetInt32());
        // An object compared with itself changes no immutable field.
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString()!.EndsWith(".immutable", StringComparison.Ordinal));
        Assert.Equal(4, json.RootElement.GetProperty("summary").GetProperty("resources").GetInt32());
        Assert.Empty(json.RootElement.GetProperty("audit").GetProperty("unreadable").EnumerateArray());
    }

    [Fact]
    public async Task Lists_are_read_in_pages_of_chunk_size()
    {
        await using var cluster = await AuditCluster.StartAsync();
        // 100 small queues fill a standard-small space's one broker: 12 spaces for 1200.
        for (var s = 0; s < 12; s++)
        {
            cluster.Space("team1", $"space{s:D2}");
            for (var i = 0; i < 100; i++)
            {
                cluster.Address("team1", $"space{s:D2}", $"q{i:D3}");
            }
        }

        var (exit, output, _) = cluster.Audit("--policies", "builtin", "--chunk-size", "500");

        Assert.Equal(0, exit);
        Assert.Equal(3, cluster.Api.PageCount("addresses"));
        Assert.Equal(1, cluster.Api.ListCount("addresses"));
        Assert.Contains("audited 1212 objects in 1 namespace", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_410_while_paging_starts_the_list_again_and_no_object_is_read_twice()
    {
        await using var cluster = await AuditCluster.StartAsync();
        cluster.Space("team1", "orders");
        for (var i = 0; i < 30; i++)
        {
            cluster.Address("team1", "orders", $"q{i:D2}", plan: i == 25 ? "standard-huge-queue" : "standard-small-queue");
        }

        cluster.Api.ExpireNextContinue("addresses");
        var (exit, output, _) = cluster.Audit("--policies", "builtin", "--chunk-size", "10", "-o", "json");

        Assert.Equal(1, exit);
        Assert.Equal(2, cluster.Api.ListCount("addresses"));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(31, json.RootElement.GetProperty("summary").GetProperty("resources").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
        var notes = json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("message").GetString()!).ToList();
        Assert.Contains(notes, n => n.Contains("addresses.enmasse.io/v1beta1 was started again 1 time", StringComparison.Ordinal) && n.Contains("410 Gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_that_keeps_expiring_is_named_unreadable_and_the_rest_is_audited()
    {
        await using var cluster = await Team1();
        cluster.Api.ExpireNextContinue("addresses", times: 10);
        var (exit, output, error) = cluster.Audit("--policies", "builtin", "--chunk-size", "1");

        Assert.Equal(3, exit);
        Assert.Contains("cannot read addresses.enmasse.io/v1beta1 in all namespaces: the list's continue token kept expiring (410 Gone, 4 tries)", error, StringComparison.Ordinal);
        Assert.Contains("team1/MessagingUser/orders.teller", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_on_one_kind_is_one_line_exit_3_and_the_other_kinds_are_audited()
    {
        await using var cluster = await Team1();
        cluster.Api.Forbid("messagingusers");
        var (exit, output, error) = cluster.Audit("--policies", "builtin");

        Assert.Equal(3, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "enmasse-policy audit: cannot read messagingusers.user.enmasse.io/v1beta1 in all namespaces: forbidden (403): messagingusers.user.enmasse.io is forbidden: User \"system:serviceaccount:audit:reader\" cannot list resource \"messagingusers\" in API group \"user.enmasse.io\" at the cluster scope; its objects are not audited, and rules that look MessagingUsers up judge without them",
            line);
        Assert.Contains("team1/Address/orders.big spec.plan: error address.plan", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MessagingUser/", output, StringComparison.Ordinal);
        Assert.Contains("audited 3 objects in 1 namespace", output, StringComparison.Ordinal);
        Assert.Contains("1 resource could not be read, so the audit is incomplete", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_plans_leave_the_policys_plans_standing_in_and_say_so()
    {
        await using var cluster = await Team1();
        cluster.Api.Forbid("addressplans");
        var (exit, _, error) = cluster.Audit("--policies", "builtin");

        Assert.Equal(3, exit);
        Assert.Contains("cannot read addressplans.admin.enmasse.io/v1beta2 in namespace enmasse-infra: forbidden (403)", error, StringComparison.Ordinal);
        Assert.Contains("in the namespace \"enmasse-infra\"", error, StringComparison.Ordinal);
        Assert.Contains("the policy's AddressPlans stand in for the cluster's", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_without_enmasse_io_is_a_clear_line_and_exit_2()
    {
        await using var cluster = await Team1();
        cluster.Api.Discovery.Unserve("enmasse.io/v1beta1");
        var (exit, output, error) = cluster.Audit("--policies", "builtin");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("enmasse-policy audit: this cluster does not serve enmasse.io/v1beta1 (AddressSpace, Address) (context fake (", error, StringComparison.Ordinal);
        Assert.Contains("EnMasse is not installed, is older than 0.27, or the kubeconfig points at another cluster", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_version_that_is_not_served_is_named_and_the_rest_is_audited()
    {
        await using var cluster = await Team1();
        cluster.Api.Discovery.Unserve("user.enmasse.io/v1beta1");
        var (exit, output, error) = cluster.Audit("--policies", "builtin");

        Assert.Equal(3, exit);
        Assert.Contains("cannot read messagingusers.user.enmasse.io/v1beta1 in all namespaces: user.enmasse.io/v1beta1 is not served by this cluster", error, StringComparison.Ordinal);
        Assert.Contains("team1/Address/orders.big", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnMasse_0_27_aggregated_api_is_audited_through_the_same_paths_and_named()
    {
        await using var cluster = await Team1();
        cluster.Api.Discovery.Aggregated = true;
        var (exit, output, error) = cluster.Audit("--policies", "builtin");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("team1/Address/orders.big spec.plan: error address.plan", output, StringComparison.Ordinal);
        Assert.Contains("note: enmasse.io/v1beta1 is served by EnMasse's aggregated API server (EnMasse 0.27-0.30): no admission webhook sees its writes, so this audit is the check there", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enmasse_version_judges_as_that_release()
    {
        await using var cluster = await Team1();
        var (_, output, _) = cluster.Audit("--policies", "builtin", "--enmasse-version", "0.27");
        Assert.Contains("judged by builtin (AdmissionPolicy \"default\") as EnMasse 0.27 at its admission severities", output, StringComparison.Ordinal);
        var (exit, _, error) = cluster.Audit("--policies", "builtin", "--enmasse-version", "0.12");
        Assert.Equal(2, exit);
        Assert.Contains("--enmasse-version must be one of", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CRDs_of_0_31_get_no_aggregated_note()
    {
        await using var cluster = await Team1();
        var (_, output, _) = cluster.Audit("--policies", "builtin");
        Assert.DoesNotContain("aggregated", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_aggregated_api_server_that_does_not_answer_is_named_with_its_503()
    {
        await using var cluster = await Team1();
        cluster.Api.Discovery.Aggregated = true;
        cluster.Api.Discovery.AggregatedAvailable = false;
        var (exit, _, error) = cluster.Audit("--policies", "builtin");

        Assert.Equal(3, exit);
        Assert.Contains("cannot read addresses.enmasse.io/v1beta1 in all namespaces: unavailable (503): the server is currently unable to handle the request; on EnMasse 0.27-0.30 this is EnMasse's aggregated API server, which does not answer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Namespace_audits_one_namespace_through_namespaced_lists()
    {
        await using var cluster = await Team1();
        cluster.Space("team2", "billing");
        cluster.Address("team2", "billing", "huge", plan: "standard-huge-queue");
        var (exit, output, _) = cluster.Audit("--policies", "builtin", "-n", "team2");

        Assert.Equal(1, exit);
        Assert.Contains("team2/Address/billing.huge spec.plan: error address.plan", output, StringComparison.Ordinal);
        Assert.DoesNotContain("team1/", output, StringComparison.Ordinal);
        Assert.Contains("audited 2 objects in 1 namespace", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_plans_decide_over_the_policys_unless_plans_policy_is_asked_for()
    {
        await using var cluster = await AuditCluster.StartAsync();
        cluster.AddressPlan("standard-huge-queue", "queue");
        cluster.SpacePlan("standard-small", "standard", "standard-small-queue", "standard-huge-queue");
        cluster.Space("team1", "orders");
        cluster.Address("team1", "orders", "big", plan: "standard-huge-queue");

        var (clusterExit, clusterOutput, _) = cluster.Audit("--policies", "builtin");
        var (policyExit, policyOutput, _) = cluster.Audit("--policies", "builtin", "--plans", "policy");

        Assert.Equal(0, clusterExit);
        Assert.Contains("audited 2 objects in 1 namespace", clusterOutput, StringComparison.Ordinal);
        Assert.Equal(1, policyExit);
        Assert.Contains("team1/Address/orders.big spec.plan: error address.plan", policyOutput, StringComparison.Ordinal);
        Assert.Contains("plans: the policy's plans alone", policyOutput, StringComparison.Ordinal);
        // The policy's plans alone need no right to read the infra namespace.
        Assert.Equal(1, cluster.Api.ListCount("addressplans"));
    }

    [Fact]
    public async Task Enforcement_point_ci_uses_the_policys_ci_severities()
    {
        await using var cluster = await AuditCluster.StartAsync();
        cluster.Space("team1", "orders");
        // A subscription before its topic: a warning at admission (apply order), an error in CI.
        cluster.Address("team1", "orders", "sub", plan: "standard-small-subscription", type: "subscription", topic: "prices");
        var (admissionExit, admission, _) = cluster.Audit("--policies", "builtin", "-o", "json");
        var (ciExit, ci, _) = cluster.Audit("--policies", "builtin", "-o", "json", "--enforcement-point", "ci");

        using var a = JsonDocument.Parse(admission);
        using var c = JsonDocument.Parse(ci);
        Assert.Equal(0, admissionExit);
        Assert.Equal(1, ciExit);
        Assert.True(a.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32() > 0);
        Assert.True(c.RootElement.GetProperty("summary").GetProperty("errors").GetInt32() > 0);
        Assert.Equal("ci", c.RootElement.GetProperty("audit").GetProperty("enforcementPoint").GetString());
    }

    [Fact]
    public async Task Output_policyreport_is_one_PolicyReport_per_namespace_that_reads_back()
    {
        await using var cluster = await Team1();
        cluster.Space("team2", "billing");
        var (exit, output, _) = cluster.Audit("--policies", "builtin", "-o", "policyreport");

        Assert.Equal(1, exit);
        var read = DocumentLoader.Load("reports.yaml", System.Text.Encoding.UTF8.GetBytes(output));
        Assert.Empty(read.FileFindings);
        var reports = read.Documents.Select(d => JsonDocument.Parse(NodeJsonWriter.ToJson(d.Root)).RootElement).ToList();
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r =>
        {
            Assert.Equal("wgpolicyk8s.io/v1alpha2", r.GetProperty("apiVersion").GetString());
            Assert.Equal("PolicyReport", r.GetProperty("kind").GetString());
            Assert.Equal("enmasse-policy", r.GetProperty("metadata").GetProperty("name").GetString());
            Assert.Equal("enmasse-policy", r.GetProperty("metadata").GetProperty("labels").GetProperty("app.kubernetes.io/managed-by").GetString());
        });
        var team1 = reports.Single(r => r.GetProperty("metadata").GetProperty("namespace").GetString() == "team1");
        var summary = team1.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("pass").GetInt32());
        Assert.Equal(2, summary.GetProperty("fail").GetInt32());
        var plan = team1.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "address.plan");
        Assert.Equal("fail", plan.GetProperty("result").GetString());
        Assert.Equal("default", plan.GetProperty("policy").GetString());
        Assert.StartsWith("spec.plan: address plan \"standard-huge-queue\" is not published", plan.GetProperty("message").GetString(), StringComparison.Ordinal);
        var subject = Assert.Single(plan.GetProperty("resources").EnumerateArray());
        Assert.Equal("orders.big", subject.GetProperty("name").GetString());
        Assert.Equal("Address", subject.GetProperty("kind").GetString());
        Assert.Equal("enmasse.io/v1beta1", subject.GetProperty("apiVersion").GetString());
        Assert.True(Guid.TryParse(subject.GetProperty("uid").GetString(), out _));
        Assert.Equal("spec.plan", plan.GetProperty("properties").GetProperty("path").GetString());
        var team2 = reports.Single(r => r.GetProperty("metadata").GetProperty("namespace").GetString() == "team2");
        Assert.Equal(1, team2.GetProperty("summary").GetProperty("pass").GetInt32());
        Assert.Empty(team2.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task The_other_formats_render_the_audit()
    {
        await using var cluster = await Team1();
        var (_, junit, _) = cluster.Audit("--policies", "builtin", "-o", "junit");
        var (_, sarif, _) = cluster.Audit("--policies", "builtin", "-o", "sarif");
        var (_, github, _) = cluster.Audit("--policies", "builtin", "-o", "github");

        Assert.Contains("<testsuite name=\"enmasse-policy audit\"", junit, StringComparison.Ordinal);
        Assert.Contains("name=\"Address team1/orders.big\"", junit, StringComparison.Ordinal);
        using var s = JsonDocument.Parse(sarif);
        var result = s.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "address.plan");
        Assert.Equal("Address/team1/orders.big:spec.plan", result.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Contains("::error file=team1/Address/orders.big,title=address.plan::", github, StringComparison.Ordinal);
        Assert.EndsWith("2 errors, 0 warnings\n", github, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_kubeconfig_the_run_cannot_be_made_and_says_why_in_one_line()
    {
        using var run = new CliRun();
        var (exit, output, error) = run.Run("audit", "--policies", "builtin");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("enmasse-policy audit: no kubeconfig (no KUBECONFIG and no home directory) and not in a pod with a service account: give --kubeconfig FILE or set KUBECONFIG\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_server_and_an_unknown_context_are_one_line_each()
    {
        await using var cluster = await Team1();
        var (exitContext, _, errorContext) = cluster.Audit("--policies", "builtin", "--context", "nope");
        await cluster.Api.DisposeAsync();
        var (exitGone, _, errorGone) = cluster.Audit("--policies", "builtin");

        Assert.Equal(2, exitContext);
        Assert.Contains("nope", errorContext.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(2, exitGone);
        Assert.StartsWith("enmasse-policy audit: cannot reach the API server: ", errorGone, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-token", errorContext + errorGone, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errorContext + errorGone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_objects_are_audited_in_pages()
    {
        await using var cluster = await AuditCluster.StartAsync();
        for (var s = 0; s < 100; s++)
        {
            var ns = $"team{s % 20:D2}";
            cluster.Space(ns, $"space{s:D3}");
            for (var a = 0; a < 100; a++)
            {
                cluster.Address(ns, $"space{s:D3}", $"q{a:D3}", plan: a == 7 ? "standard-huge-queue" : "standard-small-queue");
            }
        }

        // Timed for the notes only (bench/README.md), never asserted: the machine is shared.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exit, json, _) = cluster.Audit("--policies", "builtin", "-o", "json");
        output.WriteLine($"audit of 10,100 objects through the wire-format server: {clock.ElapsedMilliseconds} ms");

        Assert.Equal(1, exit);
        Assert.Equal(20, cluster.Api.PageCount("addresses"));
        using var report = JsonDocument.Parse(json);
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal(10_100, summary.GetProperty("resources").GetInt32());
        Assert.Equal(100, summary.GetProperty("errors").GetInt32());
        Assert.Equal(20, report.RootElement.GetProperty("audit").GetProperty("namespaces").GetInt32());
        Assert.All(report.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.EndsWith(".q007", f.GetProperty("file").GetString(), StringComparison.Ordinal));
    }
}

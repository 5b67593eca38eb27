using System.Text.Json;
using System.Text.Json.Nodes;
using EnMasse.Policy.Audit;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The webhook's background audit against <see cref="FakeApiServer"/>: a local server that serves
/// the Kubernetes API's real wire format (lists, watches, PolicyReport writes), not an API
/// server, since none runs here.
/// </summary>
public sealed class BackgroundAuditTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string Space(string ns, string name) =>
        $$$"""{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","uid":"u-{{{ns}}}-{{{name}}}"},"spec":{"type":"standard","plan":"standard-small"}}""";

    private static string Address(string ns, string name, string address, string plan = "standard-small-queue") =>
        $$$"""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","uid":"u-{{{ns}}}-{{{name}}}"},"spec":{"address":"{{{address}}}","type":"queue","plan":"{{{plan}}}"}}""";

    /// <summary>team1: a space, a good and a bad address; team2: two addresses sharing spec.address.</summary>
    private static async Task<FakeApiServer> Cluster()
    {
        var api = await FakeApiServer.StartAsync();
        api.Put("addressspaces", Space("team1", "orders"));
        api.Put("addresses", Address("team1", "orders.q1", "q1"));
        api.Put("addresses", Address("team1", "orders.big", "big", "standard-huge-queue"));
        api.Put("addressspaces", Space("team2", "billing"));
        api.Put("addresses", Address("team2", "billing.a", "shared"));
        api.Put("addresses", Address("team2", "billing.b", "shared"));
        return api;
    }

    private static Task<WebhookServer> Start(FakeApiServer api, params string[] args) =>
        WebhookServer.StartAsync(kubernetes: api.Address, extraArgs: ["--background-audit", .. args]);

    private static JsonObject Report(FakeApiServer api, string ns) =>
        api.Objects("policyreports").Single(r => r["metadata"]!["namespace"]!.GetValue<string>() == ns);

    private static string Summary(JsonObject report) => report["summary"]!.ToJsonString();

    [Fact]
    public async Task It_publishes_a_PolicyReport_per_namespace_and_the_violations_gauge()
    {
        await using var api = await Cluster();
        await using var server = await Start(api);
        var run = await server.Audit!.AuditAsync("test").WaitAsync(Wait);

        Assert.Equal((6, 3), (run.Objects, run.Errors));
        Assert.True(run.Outcome!.Published, run.Outcome.Problem);
        Assert.Equal("""{"pass":2,"fail":1,"warn":0,"error":0,"skip":0}""", Summary(Report(api, "team1")));
        Assert.Equal("""{"pass":1,"fail":2,"warn":0,"error":0,"skip":0}""", Summary(Report(api, "team2")));
        var team1 = Report(api, "team1");
        Assert.Equal("enmasse-policy", team1["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("enmasse-policy", team1["metadata"]!["labels"]!["enmasse.io/background-audit"]!.GetValue<string>());
        var result = Assert.Single(team1["results"]!.AsArray())!;
        Assert.Equal(("address.plan", "fail", "orders.big", "u-team1-orders.big"), (result["rule"]!.GetValue<string>(), result["result"]!.GetValue<string>(), result["resources"]![0]!["name"]!.GetValue<string>(), result["resources"]![0]!["uid"]!.GetValue<string>()));

        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("enmasse_policy_violations{namespace=\"team1\",rule=\"address.plan\",severity=\"error\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("enmasse_policy_violations{namespace=\"team2\",rule=\"address.duplicate\",severity=\"error\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("enmasse_policy_audits_total{result=\"published\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_webhook_and_the_cli_judge_the_same_objects_alike()
    {
        await using var api = await Cluster();
        await using var server = await Start(api);
        await server.Audit!.AuditAsync("test").WaitAsync(Wait);

        // The CLI's path: the policy directory, the objects as the API returns them, Auditor's own catalogue.
        var bundle = PolicyLoader.LoadDirectory(server.PolicyDir).Bundle!;
        var objects = api.Objects("addressspaces").Concat(api.Objects("addresses"))
            .Select(o => Resource.From(JsonElementConverter.ToNode(JsonDocument.Parse(o.ToJsonString()).RootElement), Resource.DefaultNamespace)!)
            .ToList();
        var cli = Auditor.Judge(new PolicyEngine(bundle), Auditor.Catalog(bundle, objects, PlanSource.Cluster), objects, EnforcementPoint.Admission);
        var expected = PolicyReports.Build(cli, bundle.Policy.Name, "enmasse-policy");

        foreach (var report in expected)
        {
            var published = Report(api, report["metadata"]!["namespace"]!.GetValue<string>());
            Assert.Equal(report["results"]!.ToJsonString(), published["results"]!.ToJsonString());
            Assert.Equal(Summary(report), Summary(published));
        }
    }

    [Fact]
    public async Task A_policy_reload_audits_again_and_series_that_went_away_are_removed()
    {
        await using var api = await Cluster();
        await using var server = await Start(api);
        await server.Audit!.AuditAsync("test").WaitAsync(Wait);
        var reloaded = new TaskCompletionSource<BackgroundAuditRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Audit.Completed += run =>
        {
            if (run.Reason.Contains("policy reload", StringComparison.Ordinal))
            {
                reloaded.TrySetResult(new BackgroundAuditRun(run.Errors));
            }
        };

        var policy = Path.Combine(server.PolicyDir, "policy.yaml");
        var text = await File.ReadAllTextAsync(policy);
        await File.WriteAllTextAsync(policy, text.Replace("  rules:\n", "  rules:\n    address.duplicate: { admission: off, ci: off }\n", StringComparison.Ordinal));
        var after = await reloaded.Task.WaitAsync(Wait);

        Assert.Equal(1, after.Errors);
        Assert.Equal("""{"pass":3,"fail":0,"warn":0,"error":0,"skip":0}""", Summary(Report(api, "team2")));
        Assert.Contains("replace policyreports/team2/enmasse-policy", api.Writes);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.DoesNotContain("rule=\"address.duplicate\"", metrics, StringComparison.Ordinal);
        Assert.Contains("enmasse_policy_violations{namespace=\"team1\",rule=\"address.plan\",severity=\"error\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_run_starts_before_every_resource_is_listed_even_when_the_webhook_is_ready()
    {
        // Ready needs only the plans and the spaces; a run before the addresses arrived would
        // publish reports without them and delete team2's as if its namespace were empty.
        await using var api = await Cluster();
        api.Forbid("addresses");
        await using var server = await Start(api);
        await api.Watching("addressspaces").WaitAsync(Wait);
        await api.Watching("addressspaceplans").WaitAsync(Wait);
        await api.Watching("addressplans").WaitAsync(Wait);
        Assert.Equal("ready", await server.Client.GetStringAsync("/readyz"));

        var run = server.Audit!.AuditAsync("test");
        api.Allow("addresses");
        var done = await run.WaitAsync(Wait);

        Assert.Equal((6, 3), (done.Objects, done.Errors));
        Assert.DoesNotContain(api.Writes, w => w.StartsWith("delete ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unchanged_report_is_not_written_again_and_an_emptied_namespace_loses_its_report()
    {
        await using var api = await Cluster();
        await using var server = await Start(api);
        await server.Audit!.AuditAsync("test").WaitAsync(Wait);
        var writes = api.Writes.Count;

        var again = await server.Audit.AuditAsync("again").WaitAsync(Wait);
        Assert.Equal((0, 0, 0, 2), (again.Outcome!.Created, again.Outcome.Updated, again.Outcome.Deleted, again.Outcome.Unchanged));
        Assert.Equal(writes, api.Writes.Count);

        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Feed.Published += _ =>
        {
            if (server.Policy.Current!.Catalog.AddressSpace("team2", "billing") is null && !server.Policy.Current.Catalog.AddressesOf("team2", "billing").Any())
            {
                gone.TrySetResult();
            }
        };
        await api.Watching("addresses").WaitAsync(Wait);
        await api.Watching("addressspaces").WaitAsync(Wait);
        api.Send("addresses", "DELETED", Address("team2", "billing.a", "shared"));
        api.Send("addresses", "DELETED", Address("team2", "billing.b", "shared"));
        api.Send("addressspaces", "DELETED", Space("team2", "billing"));
        await gone.Task.WaitAsync(Wait);

        var emptied = await server.Audit.AuditAsync("emptied").WaitAsync(Wait);
        Assert.Equal(1, emptied.Outcome!.Deleted);
        Assert.Contains("delete policyreports/team2/enmasse-policy", api.Writes);
        Assert.DoesNotContain(api.Objects("policyreports"), r => r["metadata"]!["namespace"]!.GetValue<string>() == "team2");
    }

    [Fact]
    public async Task Only_its_own_reports_are_touched()
    {
        await using var api = await Cluster();
        // Another tool's report of the same name in team1, and one of ours left in a namespace with no objects.
        api.Put("policyreports", """{"apiVersion":"wgpolicyk8s.io/v1alpha2","kind":"PolicyReport","metadata":{"name":"enmasse-policy","namespace":"team1","labels":{"app.kubernetes.io/managed-by":"kyverno"}},"results":[]}""");
        api.Put("policyreports", """{"apiVersion":"wgpolicyk8s.io/v1alpha2","kind":"PolicyReport","metadata":{"name":"enmasse-policy","namespace":"team9","labels":{"app.kubernetes.io/managed-by":"enmasse-policy","enmasse.io/background-audit":"enmasse-policy"}},"results":[]}""");
        api.Put("policyreports", """{"apiVersion":"wgpolicyk8s.io/v1alpha2","kind":"PolicyReport","metadata":{"name":"other","namespace":"team9","labels":{"app.kubernetes.io/managed-by":"kyverno"}},"results":[]}""");
        await using var server = await Start(api);
        var run = await server.Audit!.AuditAsync("test").WaitAsync(Wait);

        Assert.False(run.Outcome!.Published);
        Assert.Contains("team1: HTTP 409", run.Outcome.Problem, StringComparison.Ordinal);
        Assert.Equal("kyverno", Report(api, "team1")["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>());
        Assert.Contains("delete policyreports/team9/enmasse-policy", api.Writes);
        Assert.Contains(api.Objects("policyreports"), r => r["metadata"]!["name"]!.GetValue<string>() == "other");
        Assert.Contains("create policyreports/team2/enmasse-policy", api.Writes);
        // The gauge does not depend on the reports.
        Assert.Contains("enmasse_policy_violations{namespace=\"team1\",rule=\"address.plan\",severity=\"error\"} 1", await server.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_PolicyReport_api_the_gauge_is_still_set_and_the_server_serves()
    {
        await using var api = await Cluster();
        api.Discovery.Unserve("wgpolicyk8s.io/v1alpha2");
        await using var server = await Start(api);
        var run = await server.Audit!.AuditAsync("test").WaitAsync(Wait);

        Assert.StartsWith("the PolicyReport API (wgpolicyk8s.io/v1alpha2) is not installed in the cluster", run.Outcome!.Problem, StringComparison.Ordinal);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("enmasse_policy_violations{namespace=\"team1\",rule=\"address.plan\",severity=\"error\"} 1", metrics, StringComparison.Ordinal);
        // The run asked for and the one the first lists ask for may be one run or two: at least one, none published.
        Assert.Matches("enmasse_policy_audits_total\\{result=\"failed\"\\} [1-9]", metrics);
        Assert.DoesNotMatch("enmasse_policy_audits_total\\{result=\"published\"\\} [1-9]", metrics);
        Assert.Equal("ready", await server.Client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Objects_the_catalogue_cannot_index_are_audited_too_listed_or_watched()
    {
        // No "<space>." prefix: the catalogue's indexes have no place for them, and exactly
        // these need the report.
        await using var api = await Cluster();
        api.Put("addresses", Address("team1", "noprefix", "np"));
        await using var server = await Start(api);
        var run = await server.Audit!.AuditAsync("test").WaitAsync(Wait);
        Assert.Equal(7, run.Objects);
        Assert.Contains(Report(api, "team1")["results"]!.AsArray(), r => (r!["rule"]!.GetValue<string>(), r["resources"]![0]!["name"]!.GetValue<string>()) == ("address.name", "noprefix"));

        var watched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Feed.Published += _ =>
        {
            if (server.Policy.Current!.Catalog.Objects.Any(o => o.Name == "alsonoprefix"))
            {
                watched.TrySetResult();
            }
        };
        await api.Watching("addresses").WaitAsync(Wait);
        api.Send("addresses", "ADDED", Address("team2", "alsonoprefix", "np"));
        await watched.Task.WaitAsync(Wait);
        await server.Audit.AuditAsync("watched").WaitAsync(Wait);
        Assert.Contains(Report(api, "team2")["results"]!.AsArray(), r => (r!["rule"]!.GetValue<string>(), r["resources"]![0]!["name"]!.GetValue<string>()) == ("address.name", "alsonoprefix"));
    }

    [Fact]
    public async Task Off_by_default_no_report_is_written_and_no_series_exists()
    {
        await using var api = await Cluster();
        await using var server = await WebhookServer.StartAsync(kubernetes: api.Address);
        await api.Watching("addresses").WaitAsync(Wait);

        Assert.Null(server.Audit);
        Assert.DoesNotContain("enmasse_policy_violations{", await server.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Empty(api.Objects("policyreports"));
    }

    private sealed record BackgroundAuditRun(int Errors);
}

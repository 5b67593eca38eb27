using System.Text.Json.Nodes;
using EnMasse.Policy.Audit;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Audit;

/// <summary>wgpolicyk8s.io/v1alpha2 PolicyReports from an audit: the same for the CLI and the webhook.</summary>
public sealed class PolicyReportsTests
{
    private static Resource Address(string ns, string name) =>
        Resource.From(TestEngine.Single($"apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {{ name: {name}, namespace: {ns}, uid: 0a0b }}\n").Root, ns)!;

    private static CheckedResource Judged(string ns, string name, params Finding[] findings) =>
        new(Address(ns, name), Operation.Update, new Decision(true, !findings.Any(f => f.Denies), findings, [], null));

    private static Finding Found(string ns, string name, Severity severity, bool exempted = false, string path = "spec.plan") =>
        new(RuleIds.AddressPlan, severity, "not published", $"{ns}/Address/{name}", 0, 0, "Address", ns, name, path, exempted);

    [Fact]
    public void One_report_per_namespace_with_a_result_per_finding_and_passes_counted()
    {
        var objects = new[]
        {
            Judged("team2", "s.ok"),
            Judged("team1", "s.bad", Found("team1", "s.bad", Severity.Error)),
            Judged("team1", "s.warned", Found("team1", "s.warned", Severity.Warning)),
            Judged("team1", "s.exempted", Found("team1", "s.exempted", Severity.Error, exempted: true)),
            Judged("team1", "s.ok"),
        };
        var audit = new BatchResult([.. objects.SelectMany(o => o.Decision.Findings)], objects, 0, 0);

        var reports = PolicyReports.Build(audit, "platform", "enmasse-policy", new Dictionary<string, string> { ["enmasse.io/report-source"] = "webhook" });

        Assert.Equal(["team1", "team2"], reports.Select(r => r["metadata"]!["namespace"]!.GetValue<string>()));
        var team1 = reports[0];
        Assert.Equal("""{"pass":2,"fail":1,"warn":1,"error":0,"skip":1}""", team1["summary"]!.ToJsonString());
        Assert.Equal("""{"app.kubernetes.io/managed-by":"enmasse-policy","enmasse.io/report-source":"webhook"}""", team1["metadata"]!["labels"]!.ToJsonString());
        var results = team1["results"]!.AsArray();
        Assert.Equal(["fail", "warn", "skip"], results.Select(r => r!["result"]!.GetValue<string>()));
        var fail = results[0]!;
        Assert.Equal("spec.plan: not published", fail["message"]!.GetValue<string>());
        Assert.Equal(("platform", "address.plan", "high"), (fail["policy"]!.GetValue<string>(), fail["rule"]!.GetValue<string>(), fail["severity"]!.GetValue<string>()));
        Assert.Equal("""[{"apiVersion":"enmasse.io/v1beta1","kind":"Address","namespace":"team1","name":"s.bad","uid":"0a0b"}]""", fail["resources"]!.ToJsonString());
        Assert.Equal("""{"enforcementPoint":"admission","path":"spec.plan"}""", fail["properties"]!.ToJsonString());
        Assert.Null(team1["metadata"]!["annotations"]);
        Assert.Equal("""{"pass":1,"fail":0,"warn":0,"error":0,"skip":0}""", reports[1]["summary"]!.ToJsonString());
    }

    [Fact]
    public void Results_beyond_the_limit_are_left_out_errors_first_and_still_counted()
    {
        var objects = Enumerable.Range(0, PolicyReports.MaxResults + 10)
            .Select(i => Judged("team1", $"s.q{i:D5}", Found("team1", $"s.q{i:D5}", i < 20 ? Severity.Warning : Severity.Error)))
            .ToList();
        var audit = new BatchResult([.. objects.SelectMany(o => o.Decision.Findings)], objects, 0, 0);

        var report = Assert.Single(PolicyReports.Build(audit, "platform", "enmasse-policy"));

        var results = report["results"]!.AsArray();
        Assert.Equal(PolicyReports.MaxResults, results.Count);
        // 990 errors, then the first 10 of the 20 warnings.
        Assert.Equal([.. Enumerable.Repeat("fail", PolicyReports.MaxResults - 10), .. Enumerable.Repeat("warn", 10)], results.Select(r => r!["result"]!.GetValue<string>()));
        Assert.Equal("10", report["metadata"]!["annotations"]![PolicyReports.TruncatedAnnotation]!.GetValue<string>());
        Assert.Equal(PolicyReports.MaxResults - 10, report["summary"]!["fail"]!.GetValue<int>());
        Assert.Equal(20, report["summary"]!["warn"]!.GetValue<int>());
    }

    [Fact]
    public void Content_ignores_what_the_api_server_adds()
    {
        var objects = new[] { Judged("team1", "s.bad", Found("team1", "s.bad", Severity.Error)) };
        var report = Assert.Single(PolicyReports.Build(new BatchResult(objects[0].Decision.Findings, objects, 0, 0), "platform", "enmasse-policy"));
        var stored = report.DeepClone().AsObject();
        stored["metadata"]!["resourceVersion"] = "42";
        stored["metadata"]!["uid"] = "abc";
        stored["metadata"]!["creationTimestamp"] = "2024-01-01T00:00:00Z";
        Assert.Equal(PolicyReports.Content(report), PolicyReports.Content(stored));
        stored["results"]!.AsArray().Add(new JsonObject());
        Assert.NotEqual(PolicyReports.Content(report), PolicyReports.Content(stored));
    }
}

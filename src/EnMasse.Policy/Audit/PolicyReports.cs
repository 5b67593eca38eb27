using System.Globalization;
using System.Text.Json.Nodes;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Audit;

/// <summary>
/// An audit as <c>wgpolicyk8s.io/v1alpha2</c> PolicyReports, one per namespace with audited
/// objects, for the CLI's <c>--output policyreport</c> and the webhook's background audit alike.
/// A result per finding (fail for an error, warn for a warning, skip for an exempted finding);
/// objects without findings count as pass in the summary and get no result of their own, which
/// keeps a report of a busy namespace far below the API server's object size limit. Results
/// beyond <see cref="MaxResults"/> are left out (errors first are kept) and the summary still
/// counts them.
/// </summary>
public static class PolicyReports
{
    public const string ApiVersion = "wgpolicyk8s.io/v1alpha2";

    public const string Group = "wgpolicyk8s.io";

    public const string Version = "v1alpha2";

    public const string Plural = "policyreports";

    public const string Source = "enmasse-policy";

    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    public const string TruncatedAnnotation = "enmasse.io/results-left-out";

    /// <summary>About 600 bytes a result: a report stays well under the 1.5 MiB an object may have.</summary>
    public const int MaxResults = 1000;

    public static IReadOnlyList<JsonObject> Build(BatchResult audit, string policyName, string reportName, IReadOnlyDictionary<string, string>? labels = null, EnforcementPoint point = EnforcementPoint.Admission)
    {
        var reports = new List<JsonObject>();
        foreach (var group in audit.Resources.GroupBy(r => r.Resource.Namespace, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var results = new List<(Finding Finding, JsonObject Result)>();
            var pass = 0;
            foreach (var judged in group)
            {
                var findings = judged.Decision.Findings;
                if (!findings.Any(f => f.Denies || f.Warns))
                {
                    pass++;
                }

                results.AddRange(findings.Select(f => (f, Result(f, judged.Resource, policyName, point))));
            }

            var kept = results.OrderBy(r => Rank(r.Finding)).Take(MaxResults).Select(r => (JsonNode)r.Result).ToArray();
            var metadata = new JsonObject
            {
                ["name"] = reportName,
                ["namespace"] = group.Key,
                ["labels"] = Labels(labels),
            };
            if (results.Count > kept.Length)
            {
                metadata["annotations"] = new JsonObject { [TruncatedAnnotation] = (results.Count - kept.Length).ToString(CultureInfo.InvariantCulture) };
            }

            reports.Add(new JsonObject
            {
                ["apiVersion"] = ApiVersion,
                ["kind"] = "PolicyReport",
                ["metadata"] = metadata,
                ["summary"] = new JsonObject
                {
                    ["pass"] = pass,
                    ["fail"] = results.Count(r => r.Finding.Denies),
                    ["warn"] = results.Count(r => r.Finding.Warns),
                    ["error"] = 0,
                    ["skip"] = results.Count(r => r.Finding.Exempted),
                },
                ["results"] = new JsonArray(kept),
            });
        }

        return reports;
    }

    /// <summary>The part of a report that an audit decides: a report whose content is unchanged is not written again.</summary>
    public static string Content(JsonObject report) =>
        new JsonObject
        {
            ["summary"] = report["summary"]?.DeepClone(),
            ["results"] = report["results"]?.DeepClone(),
            ["labels"] = report["metadata"]?["labels"]?.DeepClone(),
            ["annotations"] = report["metadata"]?["annotations"]?.DeepClone(),
        }.ToJsonString();

    private static JsonObject Labels(IReadOnlyDictionary<string, string>? extra)
    {
        var labels = new JsonObject { [ManagedByLabel] = Source };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        return labels;
    }

    private static int Rank(Finding finding) => finding.Denies ? 0 : finding.Warns ? 1 : 2;

    private static JsonObject Result(Finding finding, Resource resource, string policyName, EnforcementPoint point)
    {
        var reference = new JsonObject
        {
            ["apiVersion"] = resource.ApiVersion,
            ["kind"] = resource.Kind.ToString(),
            ["namespace"] = resource.Namespace,
            ["name"] = resource.Name,
        };
        if (NodeRead.String(resource.Metadata, "uid")?.Value is { Length: > 0 } uid)
        {
            reference["uid"] = uid;
        }

        var properties = new JsonObject { ["enforcementPoint"] = point.ToName() };
        if (finding.Path.Length > 0)
        {
            properties["path"] = finding.Path;
        }

        return new JsonObject
        {
            ["source"] = Source,
            ["policy"] = policyName,
            ["rule"] = finding.Rule,
            ["category"] = resource.Kind.ToString(),
            ["severity"] = finding.Severity == Severity.Error ? "high" : "medium",
            ["result"] = finding.Exempted ? "skip" : finding.Severity == Severity.Error ? "fail" : "warn",
            ["scored"] = true,
            ["message"] = finding.Path.Length > 0 ? $"{finding.Path}: {finding.Message}" : finding.Message,
            ["resources"] = new JsonArray(reference),
            ["properties"] = properties,
        };
    }
}

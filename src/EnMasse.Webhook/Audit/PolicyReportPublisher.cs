using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnMasse.Policy.Audit;
using k8s;
using k8s.Autorest;

namespace EnMasse.Webhook.Audit;

/// <summary>
/// Writes an audit's PolicyReports: creates or replaces the one of each namespace with audited
/// objects (not when its content is unchanged), and deletes this webhook's report in a namespace
/// that has none left. Only reports selected by <see cref="BackgroundAuditSettings.Selector"/> are
/// replaced or deleted; a report of the same name that another tool owns is left alone.
/// </summary>
internal sealed class PolicyReportPublisher(IKubernetes client, BackgroundAuditSettings settings)
{
    /// <summary>What a publication did; <see cref="Problem"/> says why some or all of it was not done.</summary>
    public sealed record Outcome(int Created, int Updated, int Deleted, int Unchanged, string? Problem)
    {
        public bool Published => Problem is null;
    }

    public async Task<Outcome> PublishAsync(IReadOnlyList<JsonObject> reports, CancellationToken stop)
    {
        Dictionary<string, JsonObject> ours;
        try
        {
            ours = await OursAsync(stop);
        }
        catch (HttpOperationException e)
        {
            return new Outcome(0, 0, 0, 0, e.Response.StatusCode switch
            {
                HttpStatusCode.NotFound => $"the PolicyReport API ({PolicyReports.ApiVersion}) is not installed in the cluster; install its CRD (it comes with Kyverno or the wg-policy prototypes) to get reports",
                HttpStatusCode.Forbidden => "listing PolicyReports is forbidden: the chart grants it with backgroundAudit.enabled",
                _ => $"listing PolicyReports failed: HTTP {(int)e.Response.StatusCode}",
            });
        }

        int created = 0, updated = 0, deleted = 0, unchanged = 0;
        var problems = new List<string>();
        foreach (var report in reports)
        {
            var ns = report["metadata"]!["namespace"]!.GetValue<string>();
            try
            {
                if (ours.Remove(ns, out var existing))
                {
                    if (PolicyReports.Content(existing) == PolicyReports.Content(report))
                    {
                        unchanged++;
                        continue;
                    }

                    report["metadata"]!["resourceVersion"] = existing["metadata"]?["resourceVersion"]?.DeepClone();
                    await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(report, PolicyReports.Group, PolicyReports.Version, ns, PolicyReports.Plural, settings.ReportName, cancellationToken: stop);
                    updated++;
                }
                else
                {
                    await client.CustomObjects.CreateNamespacedCustomObjectAsync(report, PolicyReports.Group, PolicyReports.Version, ns, PolicyReports.Plural, cancellationToken: stop);
                    created++;
                }
            }
            catch (HttpOperationException e)
            {
                // 409 on create: a report of this name that is not ours; on replace: changed meanwhile, the next audit writes it.
                problems.Add($"{ns}: HTTP {(int)e.Response.StatusCode}{(e.Response.StatusCode == HttpStatusCode.Conflict ? " (a PolicyReport of that name that is not this webhook's, or one changed meanwhile)" : string.Empty)}");
            }
        }

        foreach (var ns in ours.Keys)
        {
            try
            {
                await client.CustomObjects.DeleteNamespacedCustomObjectAsync(PolicyReports.Group, PolicyReports.Version, ns, PolicyReports.Plural, settings.ReportName, cancellationToken: stop);
                deleted++;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode != HttpStatusCode.NotFound)
            {
                problems.Add($"{ns}: delete HTTP {(int)e.Response.StatusCode}");
            }
        }

        var problem = problems.Count == 0 ? null : $"{problems.Count} PolicyReport{(problems.Count == 1 ? string.Empty : "s")} not written: {string.Join("; ", problems.Take(5))}";
        return new Outcome(created, updated, deleted, unchanged, problem);
    }

    /// <summary>This webhook's reports, by namespace, read in pages across all namespaces.</summary>
    private async Task<Dictionary<string, JsonObject>> OursAsync(CancellationToken stop)
    {
        var ours = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var list = await client.CustomObjects.ListClusterCustomObjectAsync<JsonElement>(PolicyReports.Group, PolicyReports.Version, PolicyReports.Plural, continueParameter: next, labelSelector: settings.Selector, limit: 500, cancellationToken: stop);
            if (list.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (JsonNode.Parse(item.GetRawText()) is JsonObject report
                        && report["metadata"]?["name"]?.GetValue<string>() == settings.ReportName
                        && report["metadata"]?["namespace"]?.GetValue<string>() is { } ns)
                    {
                        ours[ns] = report;
                    }
                }
            }

            next = list.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("continue", out var token) && token.GetString() is { Length: > 0 } value ? value : null;
        }
        while (next is not null);
        return ours;
    }
}

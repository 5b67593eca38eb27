using System.Diagnostics;
using System.Text.Json;
using EnMasse.Benchmarks.Generate;
using EnMasse.Benchmarks.Report;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Webhook.Cluster;
using EnMasse.Webhook.Diagnostics;
using EnMasse.Webhook.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnMasse.Benchmarks.Catalog;

/// <summary>
/// The cluster catalogue as the webhook's feed drives it: a list of N addresses (and N/10
/// address spaces) as the API server sends them, then single watch events, each from the
/// object's JSON to a published snapshot. Measured: time per event, memory per object.
/// </summary>
internal static class CatalogBench
{
    public static IReadOnlyList<Row> Run(string policies, IReadOnlyList<int> sizes, int events)
    {
        var rows = new List<Row>();
        foreach (var size in sizes)
        {
            rows.AddRange(RunOne(policies, size, events));
        }

        return rows;
    }

    private static IEnumerable<Row> RunOne(string policies, int addresses, int events)
    {
        var spaces = Math.Max(1, addresses / 10);
        var json = new List<JsonElement>(addresses + spaces);
        for (var s = 0; s < spaces; s++)
        {
            json.Add(Parse(Objects.SpaceJson(Objects.Namespace(s / 10), Objects.Space(s), s)));
        }

        for (var a = 0; a < addresses; a++)
        {
            var s = a % spaces;
            json.Add(Parse(Objects.AddressJson(Objects.Namespace(s / 10), Objects.Space(s), Objects.Queue(a), a)));
        }

        var state = new PolicyState(new PolicySources(policies, []), new WebhookMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<PolicyState>.Instance);
        if (!state.Reload())
        {
            throw new InvalidOperationException($"the policy in {policies} does not load");
        }

        var objects = new ClusterObjects();
        var resource = WatchedResource.All.Single(r => r.Plural == "addresses");

        // Memory: what the catalogue, the feed's bookkeeping and the served state hold per object.
        var before = Settled();
        var changes = new List<(ObjectKey, CatalogEntry?, EnMasse.Policy.Model.Resource?)>();
        objects.Relist(resource, [.. json.Select(Entry).OfType<CatalogEntry>().Select(e => (e.Key, (CatalogEntry?)e, (EnMasse.Policy.Model.Resource?)null))], changes);
        state.ApplyClusterChanges(changes);
        changes.Clear();
        var perObject = (Settled() - before) / (double)json.Count;

        // Baseline memory: the same objects kept as trees, as the catalogue kept them before.
        var treesBefore = Settled();
        var trees = json.Select(j => JsonElementConverter.ToNode(j)).ToList();
        var perTree = (Settled() - treesBefore) / (double)json.Count;
        GC.KeepAlive(trees);
        trees = null;

        // Single events: MODIFIED addresses, each applied and published alone.
        var times = new List<double>(events);
        var random = new Random(15);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var e = 0; e < events; e++)
        {
            var a = random.Next(addresses);
            var s = a % spaces;
            var item = Parse(Objects.AddressJson(Objects.Namespace(s / 10), Objects.Space(s), Objects.Queue(a), a + e));
            var started = Stopwatch.GetTimestamp();
            var entry = Entry(item)!;
            objects.Upsert(resource, entry.Key, entry, null, changes);
            state.ApplyClusterChanges(changes);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            changes.Clear();
        }

        var allocatedPerEvent = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)events;

        // Baseline time: rebuilding the catalogue from all its entries, as every event did before.
        var all = json.Select(Entry).OfType<CatalogEntry>().ToList();
        var rebuilds = new List<double>();
        for (var r = 0; r < 3; r++)
        {
            var started = Stopwatch.GetTimestamp();
            var builder = new CatalogBuilder(state.Current!.Engine.Bundle.Published);
            all.ForEach(entry => builder.Set(entry));
            builder.Build();
            rebuilds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var p99 = Stats.Percentile(times, 99);
        var label = Stats.N(addresses);
        yield return new Row(
            $"catalogue, {label} addresses + {Stats.N(spaces)} spaces: one watch event (JSON to published snapshot), median / p99",
            $"{Stats.Ms(Stats.Median(times))} / {Stats.Ms(p99)}; {allocatedPerEvent / 1024:0.0} KiB allocated",
            "< 1 ms",
            $"full rebuild at this size: {Stats.Spread(rebuilds, Stats.Ms)}",
            p99 < 1);
        yield return new Row(
            $"catalogue, {label} addresses: memory per object",
            $"{perObject:0} B",
            "-",
            $"the object's tree, as kept before: {perTree:0} B",
            null);
    }

    private static CatalogEntry? Entry(JsonElement item) => ClusterCatalogFeed.ToResource(item) is { } r ? CatalogEntry.From(r) : null;

    private static long Settled()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

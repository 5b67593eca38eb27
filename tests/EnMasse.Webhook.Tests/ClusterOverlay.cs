using System.Text.Json;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Webhook.Cluster;
using EnMasse.Webhook.Diagnostics;
using EnMasse.Webhook.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The served state as the cluster feed drives it, without the network: the shipped policy, a
/// --catalog directory on disk, and cluster objects made from the JSON the API server sends.
/// The audit's objects are kept (KeepObjects), as with --background-audit.
/// </summary>
internal sealed class ClusterOverlay : IDisposable
{
    private ClusterOverlay(string directory, PolicyState state)
    {
        Directory = directory;
        State = state;
    }

    public string Directory { get; }

    public PolicyState State { get; }

    public string CatalogFile => Path.Combine(Directory, "world.yaml");

    public CatalogSnapshot Served => State.Current!.Catalog;

    public static ClusterOverlay Start(string catalog)
    {
        var directory = Path.Combine(Path.GetTempPath(), "enmasse-overlay-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "world.yaml"), catalog);
        var sources = new PolicySources(Repo.Policies, [directory], Cluster: true, KeepObjects: true);
        var state = new PolicyState(sources, new WebhookMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<PolicyState>.Instance);
        Assert.True(state.Reload());
        return new ClusterOverlay(directory, state);
    }

    /// <summary>An object as a list or watch delivers it.</summary>
    public static Resource FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ClusterCatalogFeed.ToResource(document.RootElement)!;
    }

    /// <summary>The change the feed makes of an ADDED or MODIFIED object when objects are kept.</summary>
    public static (ObjectKey, CatalogEntry?, Resource?) Upserted(Resource resource) => (ObjectKey.Of(resource), CatalogEntry.From(resource), resource);

    public static (ObjectKey, CatalogEntry?, Resource?) Deleted(Resource resource) => (ObjectKey.Of(resource), null, null);

    /// <summary>The objects kept whole, each as its JSON and where it was read.</summary>
    public static Dictionary<ObjectKey, string> Objects(CatalogSnapshot catalog) =>
        catalog.Objects.ToDictionary(ObjectKey.Of, r => $"{r.File}: {NodeJsonWriter.ToJson(r.Root)}");

    public void Dispose()
    {
        State.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Webhook.Serving;
using k8s;
using k8s.Autorest;

namespace EnMasse.Webhook.Cluster;

/// <summary>
/// Feeds the catalogue from the cluster: list, then watch from the list's resourceVersion, per
/// resource. A watch that ends or breaks is resumed; 410 Gone (the version expired) means a
/// fresh list. Reviews never call the API server: they read the last published snapshot.
/// The watches hand their events to one applying loop, which takes whatever has queued up as
/// one batch: a burst of events is one new snapshot, and each costs O(log n), not a rebuild.
/// </summary>
internal sealed partial class ClusterCatalogFeed(
    IKubernetes client,
    PolicyState state,
    ClusterObjects objects,
    ILogger<ClusterCatalogFeed> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Objects per list page, as client-go's reflectors ask for: a list of 100,000 never sits in memory as one body.</summary>
    private const int PageSize = 500;

    /// <summary>Most events applied as one batch, so one snapshot swap never waits on an unbounded burst.</summary>
    private const int MaxBatch = 4096;

    private readonly Channel<FeedEvent> _events = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(MaxBatch) { SingleReader = true });

    /// <summary>Raised after each change is published to the catalogue; tests wait on it.</summary>
    public event Action<string>? Published;

    public bool Ready => WatchedResource.All.Where(r => r.NeededForReadiness).All(objects.Listed);

    /// <summary>Every watched resource has been listed once: the catalogue holds all of the cluster, not just what readiness needs.</summary>
    public bool AllListed => WatchedResource.All.All(objects.Listed);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(WatchedResource.All.Select(r => RunAsync(r, stoppingToken)).Append(ApplyAsync(stoppingToken)));

    /// <summary>
    /// The one loop that changes the catalogue: all queued events as one batch, then one publish.
    /// Nothing an event, the catalogue or a subscriber throws ends it: a loop that ended would
    /// leave every list waiting on <see cref="FeedEvent.Listed.Applied"/>, the watches blocked on
    /// a full channel and the server serving a catalogue that no longer changes.
    /// </summary>
    private async Task ApplyAsync(CancellationToken stop)
    {
        var batch = new List<FeedEvent>();
        var changes = new List<(ObjectKey, CatalogEntry?, Resource?)>();
        try
        {
            while (await _events.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                batch.Clear();
                changes.Clear();
                while (batch.Count < MaxBatch && _events.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    try
                    {
                        switch (next)
                        {
                            case FeedEvent.Listed listed: objects.Relist(listed.Resource, listed.Entries, changes); break;
                            case FeedEvent.Changed { Deleted: true } deleted: objects.Delete(deleted.Resource, deleted.Key, changes); break;
                            case FeedEvent.Changed changed: objects.Upsert(changed.Resource, changed.Key, changed.Entry, changed.Tree, changes); break;
                        }
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        LogEventNotApplied(logger, e, next.Resource.ToString());
                    }
                }

                try
                {
                    state.ApplyClusterChanges(changes);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The state rebuilds from everything the feed has seen on the next change.
                    LogNotApplied(logger, e, batch.Count);
                }

                foreach (var listed in batch.OfType<FeedEvent.Listed>())
                {
                    listed.Applied.TrySetResult();
                }

                foreach (var resource in batch.Select(e => e.Resource).Distinct())
                {
                    Announce(resource.ToString());
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Tells each subscriber on its own: one that throws is logged and the others still hear.</summary>
    private void Announce(string resource)
    {
        foreach (var subscriber in Published?.GetInvocationList().Cast<Action<string>>() ?? [])
        {
            try
            {
                subscriber(resource);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogSubscriberFailed(logger, e, resource);
            }
        }
    }

    private async Task RunAsync(WatchedResource resource, CancellationToken stop)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        string? resourceVersion = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                resourceVersion ??= await ListAsync(resource, stop);
                backoff = TimeSpan.FromMilliseconds(200);
                resourceVersion = await WatchAsync(resource, resourceVersion, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                LogExpired(logger, resource.ToString());
                resourceVersion = null;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The last good objects keep serving while we retry. Any failure, a client timeout
                // or an object we did not expect included: a watch that ended here would never resume.
                LogBroken(logger, e, resource.ToString(), backoff.TotalMilliseconds);
                resourceVersion = null;
                await Task.Delay(backoff, stop).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private async Task<string?> ListAsync(WatchedResource resource, CancellationToken stop)
    {
        var entries = new List<(ObjectKey, CatalogEntry?, Resource?)>();
        string? resourceVersion = null;
        string? next = null;
        do
        {
            using var response = resource.InfraNamespaceOnly
                ? await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(resource.Group, resource.Version, Namespace, resource.Plural, continueParameter: next, limit: PageSize, cancellationToken: stop)
                : await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<JsonElement>(resource.Group, resource.Version, resource.Plural, continueParameter: next, limit: PageSize, cancellationToken: stop);
            var page = response.Body;
            if (page.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (ToResource(item) is { } read && Change(read) is { } change)
                    {
                        entries.Add((ObjectKey.Of(read), change.Entry, change.Tree));
                    }
                }
            }

            var metadata = page.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
            resourceVersion = Text(metadata, "resourceVersion") ?? resourceVersion;
            next = Text(metadata, "continue");
        }
        while (!string.IsNullOrEmpty(next));

        // The watch starts once the list is in the catalogue: what a client sees after that is
        // never older than the list.
        var listed = new FeedEvent.Listed(resource, entries);
        await _events.Writer.WriteAsync(listed, stop).ConfigureAwait(false);
        await listed.Applied.Task.WaitAsync(stop).ConfigureAwait(false);
        return resourceVersion;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Watches until the server ends the stream; returns the last resourceVersion seen, or null when a relist is needed.</summary>
    private async Task<string?> WatchAsync(WatchedResource resource, string? resourceVersion, CancellationToken stop)
    {
        // The client hands a watch's ERROR event (a Status) to onError rather than to the loop;
        // a 410 there means our version expired and only a fresh list can resume.
        var expired = false;
        void OnError(Exception e) => expired |= e is KubernetesException { Status.Code: 410 } || e.Message.Contains("410", StringComparison.Ordinal);
        var events = resource.InfraNamespaceOnly
            ? client.CustomObjects.WatchListNamespacedCustomObjectAsync(resource.Group, resource.Version, Namespace, resource.Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: OnError, cancellationToken: stop)
            : client.CustomObjects.WatchListClusterCustomObjectAsync(resource.Group, resource.Version, resource.Plural, allowWatchBookmarks: true, resourceVersion: resourceVersion, onError: OnError, cancellationToken: stop);
        await foreach (var (type, raw) in events.ConfigureAwait(false))
        {
            // Custom objects arrive untyped; the client's System.Text.Json reader makes them JsonElements.
            var item = raw is JsonElement element ? element : JsonSerializer.SerializeToElement(raw);
            if (type == WatchEventType.Error)
            {
                // A Status object; 410 Gone means our version is too old to resume from.
                LogExpired(logger, resource.ToString());
                return null;
            }

            if (item.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("resourceVersion", out var rv))
            {
                resourceVersion = rv.GetString();
            }

            if (type == WatchEventType.Bookmark || ToResource(item) is not { } changed)
            {
                continue;
            }

            // DELETED files neither entry nor object; an object with nothing to file is no event.
            (CatalogEntry? Entry, Resource? Tree)? change = type == WatchEventType.Deleted ? (null, null) : Change(changed);
            if (change is { } filed)
            {
                await _events.Writer.WriteAsync(new FeedEvent.Changed(resource, ObjectKey.Of(changed), filed.Entry, filed.Tree), stop).ConfigureAwait(false);
            }
        }

        if (expired)
        {
            LogExpired(logger, resource.ToString());
            return null;
        }

        return resourceVersion;
    }

    /// <summary>
    /// What the catalogue files for an object: its entry, and the object whole when the audit
    /// judges objects. One the indexes have no place for (an Address or MessagingUser whose name
    /// lacks the space prefix) is kept whole all the same, since the audit must report it; null
    /// when nothing is filed.
    /// </summary>
    private (CatalogEntry? Entry, Resource? Tree)? Change(Resource read)
    {
        var entry = CatalogEntry.From(read);
        var tree = state.KeepsObjects && read.Name.Length > 0 ? read : null;
        return entry is null && tree is null ? null : (entry, tree);
    }

    private string Namespace => state.Current?.Engine.Policy.InfraNamespace ?? "enmasse-infra";

    internal static Resource? ToResource(JsonElement item)
    {
        var node = JsonElementConverter.ToNode(item);
        if (node is MappingNode mapping && mapping.Get("kind") is null)
        {
            return null;
        }

        return Resource.From(node, Resource.DefaultNamespace);
    }

    [LoggerMessage(20, LogLevel.Warning, "Watch of {Resource} expired (410 Gone); listing again")]
    private static partial void LogExpired(ILogger logger, string resource);

    [LoggerMessage(22, LogLevel.Error, "{Count} catalogue changes from the cluster could not be applied; the last catalogue keeps serving")]
    private static partial void LogNotApplied(ILogger logger, Exception exception, int count);

    [LoggerMessage(23, LogLevel.Error, "A catalogue event of {Resource} could not be applied; the next list of the resource brings it")]
    private static partial void LogEventNotApplied(ILogger logger, Exception exception, string resource);

    [LoggerMessage(24, LogLevel.Error, "A subscriber to catalogue changes of {Resource} failed; ignored")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string resource);

    [LoggerMessage(21, LogLevel.Warning, "Watch of {Resource} broke; keeping the last good state and retrying in {DelayMs} ms")]
    private static partial void LogBroken(ILogger logger, Exception exception, string resource, double delayMs);
}

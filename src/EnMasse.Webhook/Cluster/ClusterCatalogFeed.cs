using System.Net;
using System.Text.Json;
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
/// </summary>
internal sealed partial class ClusterCatalogFeed(
    IKubernetes client,
    PolicyState state,
    ClusterObjects objects,
    ILogger<ClusterCatalogFeed> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Raised after each change is published to the catalogue; tests wait on it.</summary>
    public event Action<string>? Published;

    public bool Ready => WatchedResource.All.Where(r => r.NeededForReadiness).All(objects.Listed);

    /// <summary>Every watched resource has been listed once: the catalogue holds all of the cluster, not just what readiness needs.</summary>
    public bool AllListed => WatchedResource.All.All(objects.Listed);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(WatchedResource.All.Select(r => RunAsync(r, stoppingToken)));

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
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or JsonException or KubernetesException)
            {
                // The last good objects keep serving while we retry.
                LogBroken(logger, e, resource.ToString(), backoff.TotalMilliseconds);
                resourceVersion = null;
                await Task.Delay(backoff, stop).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private async Task<string?> ListAsync(WatchedResource resource, CancellationToken stop)
    {
        using var response = resource.InfraNamespaceOnly
            ? await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(resource.Group, resource.Version, Namespace, resource.Plural, cancellationToken: stop)
            : await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<JsonElement>(resource.Group, resource.Version, resource.Plural, cancellationToken: stop);
        var list = response.Body;
        var items = list.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(i => ToResource(resource, i)).OfType<Resource>().ToList()
            : [];
        objects.Replace(resource, items);
        Publish(resource.ToString());
        return list.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("resourceVersion", out var rv) ? rv.GetString() : null;
    }

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

            if (type == WatchEventType.Bookmark || ToResource(resource, item) is not { } changed)
            {
                continue;
            }

            if (type == WatchEventType.Deleted)
            {
                objects.Delete(resource, changed);
            }
            else
            {
                objects.Upsert(resource, changed);
            }

            Publish(resource.ToString());
        }

        if (expired)
        {
            LogExpired(logger, resource.ToString());
            return null;
        }

        return resourceVersion;
    }

    private string Namespace => state.Current?.Engine.Policy.InfraNamespace ?? "enmasse-infra";

    private void Publish(string resource)
    {
        state.SetClusterObjects(() => [.. objects.All]);
        Published?.Invoke(resource);
    }

    private static Resource? ToResource(WatchedResource resource, JsonElement item)
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

    [LoggerMessage(21, LogLevel.Warning, "Watch of {Resource} broke; keeping the last good state and retrying in {DelayMs} ms")]
    private static partial void LogBroken(ILogger logger, Exception exception, string resource, double delayMs);
}


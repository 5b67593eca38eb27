using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;

namespace EnMasse.Cli.Cluster;

/// <summary>
/// Reads EnMasse objects through the API as kubectl get does: discovery first (a group version
/// the cluster does not serve is named as such), then lists in pages of <c>limit</c> with the
/// <c>continue</c> token. A 410 Gone while paging (the token expired) starts that list again; a
/// refusal (403), an unserved resource (404) or an aggregated API that does not answer (503) is
/// recorded for that resource, and the others are still read.
/// </summary>
internal sealed class ClusterReader(IKubernetes client, int chunkSize)
{
    /// <summary>Restarts of one list after a 410 before it is given up as unreadable.</summary>
    public const int MaxRestarts = 3;

    public async Task<ClusterRead> ReadAsync(IReadOnlyList<ApiResource> resources, string? tenantNamespace, string infraNamespace, CancellationToken cancel)
    {
        var served = await ServedAsync(cancel);
        var objects = new List<Resource>();
        var unreadable = new List<Unreadable>();
        var restarts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var ns = resource.Published ? infraNamespace : tenantNamespace;
            if (!served.Contains(resource.GroupVersion))
            {
                unreadable.Add(new Unreadable(resource, ns, 404, $"{resource.GroupVersion} is not served by this cluster"));
                continue;
            }

            try
            {
                var (items, restarted) = await ListAsync(resource, ns, cancel);
                objects.AddRange(items);
                if (restarted > 0)
                {
                    restarts[resource.ToString()] = restarted;
                }
            }
            catch (HttpOperationException e) when (e.Response.StatusCode is not HttpStatusCode.Unauthorized)
            {
                unreadable.Add(new Unreadable(resource, ns, (int)e.Response.StatusCode, Refusal(e, resource)));
            }
            catch (Exception e) when (Unreachable(e))
            {
                throw new ClusterException($"the API server did not answer the list of {resource}: {ClusterConnection.Bounded(e.Message)}");
            }
        }

        var tenantApi = resources.Any(r => !r.Published) ? await TenantApiAsync(cancel) : TenantApi.Unknown;
        return new ClusterRead(objects, unreadable, restarts, tenantApi);
    }

    /// <summary>The group versions discovery lists; the first call, so an unreachable server or refused credentials stop the run here.</summary>
    private async Task<HashSet<string>> ServedAsync(CancellationToken cancel)
    {
        try
        {
            var groups = await client.Apis.GetAPIVersionsAsync(cancel);
            return [.. (groups.Groups ?? []).SelectMany(g => g.Versions ?? []).Select(v => v.GroupVersion)];
        }
        catch (HttpOperationException e)
        {
            throw new ClusterException(e.Response.StatusCode == HttpStatusCode.Unauthorized
                ? "the API server refused the credentials (401 Unauthorized): log in again or check the kubeconfig's user"
                : $"API discovery (GET /apis) failed: {Refusal(e, null)}");
        }
        catch (Exception e) when (Unreachable(e))
        {
            throw new ClusterException($"cannot reach the API server: {ClusterConnection.Bounded(e.Message)}");
        }
    }

    private async Task<(List<Resource> Items, int Restarts)> ListAsync(ApiResource resource, string? ns, CancellationToken cancel)
    {
        for (var restarts = 0; ; restarts++)
        {
            var items = new List<Resource>();
            string? next = null;
            try
            {
                do
                {
                    using var response = ns is null
                        ? await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<JsonElement>(resource.Group, resource.Version, resource.Plural, continueParameter: next, limit: Limit, cancellationToken: cancel)
                        : await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(resource.Group, resource.Version, ns, resource.Plural, continueParameter: next, limit: Limit, cancellationToken: cancel);
                    var list = response.Body;
                    if (list.ValueKind == JsonValueKind.Object && list.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
                    {
                        items.AddRange(array.EnumerateArray().Select(i => ToResource(resource, i)).OfType<Resource>());
                    }

                    next = list.ValueKind == JsonValueKind.Object && list.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                        && metadata.TryGetProperty("continue", out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } value
                        ? value
                        : null;
                }
                while (next is not null);
                return (items, restarts);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone && restarts < MaxRestarts)
            {
                // The continue token expired between pages: only a list from the start is consistent.
            }
        }
    }

    private int? Limit => chunkSize > 0 ? chunkSize : null;

    /// <summary>Whether EnMasse's aggregated API server serves the tenant kinds; unknown when the APIService cannot be read (it needs a cluster-wide right).</summary>
    private async Task<TenantApi> TenantApiAsync(CancellationToken cancel)
    {
        try
        {
            var service = await client.ApiregistrationV1.ReadAPIServiceAsync(ApiResource.TenantApiService, cancellationToken: cancel);
            return service.Spec?.Service is null ? TenantApi.Crd : TenantApi.Aggregated;
        }
        catch (Exception e) when (e is HttpOperationException || Unreachable(e))
        {
            return TenantApi.Unknown;
        }
    }

    /// <summary>
    /// An item as a resource. The API server's items carry apiVersion and kind; a server that
    /// leaves them out (a list's items may) gets them from the resource that was listed.
    /// </summary>
    private static Resource? ToResource(ApiResource resource, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!item.TryGetProperty("kind", out _) || !item.TryGetProperty("apiVersion", out _))
        {
            var filled = JsonNode.Parse(item.GetRawText())!.AsObject();
            filled["apiVersion"] ??= resource.GroupVersion;
            filled["kind"] ??= resource.Kind;
            item = JsonSerializer.SerializeToElement(filled);
        }

        return Resource.From(JsonElementConverter.ToNode(item), Resource.DefaultNamespace);
    }

    /// <summary>The API server's own words for a refusal (its Status message), bounded, with what it means for this resource.</summary>
    private static string Refusal(HttpOperationException e, ApiResource? resource)
    {
        var status = (int)e.Response.StatusCode;
        string? message = null;
        try
        {
            using var body = JsonDocument.Parse(e.Response.Content ?? string.Empty);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                message = m.GetString();
            }
        }
        catch (JsonException)
        {
        }

        var said = ClusterConnection.Bounded(message ?? e.Response.ReasonPhrase ?? e.Message);
        return status switch
        {
            403 => $"forbidden (403): {said}",
            404 => $"not found (404): {said}; {resource?.GroupVersion ?? "the group version"} may not be served by this cluster",
            410 => $"the list's continue token kept expiring (410 Gone, {MaxRestarts + 1} tries): {said}; try a larger --chunk-size",
            503 => $"unavailable (503): {said}; on EnMasse 0.27-0.30 this is EnMasse's aggregated API server, which does not answer",
            _ => $"HTTP {status}: {said}",
        };
    }

    private static bool Unreachable(Exception e) => e is HttpRequestException or IOException or TaskCanceledException or KubeConfigException or KubernetesClientException or JsonException;
}

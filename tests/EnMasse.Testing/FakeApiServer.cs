using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EnMasse.Testing;

/// <summary>
/// Not a Kubernetes API server and not a mock of our code: a local HTTP server that speaks the
/// Kubernetes API's wire format, since no API server runs here. What it serves is the API's real
/// format: discovery (<see cref="ApiDiscovery"/>), lists with metadata.resourceVersion, pages by
/// <c>limit</c> and <c>continue</c> (an expired token is a 410 Status), label selectors, a watch
/// (?watch=true) as a chunked stream of {"type":..,"object":..} lines with an expired version as an
/// ERROR event carrying a 410 Status, create/replace/delete of custom objects with resourceVersion
/// conflicts, and refusals as the API server words them (403 Forbidden, 404, 503 from an
/// aggregated server that does not answer). It enforces no RBAC, validation or admission.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, JsonObject>> _objects = new();
    private readonly ConcurrentDictionary<string, List<Channel<string>>> _watchers = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _watching = new();
    private readonly ConcurrentDictionary<string, int> _lists = new();
    private readonly ConcurrentDictionary<string, int> _pages = new();
    private readonly ConcurrentDictionary<string, (JsonNode[] Items, int Offset, string Plural, string ResourceVersion)> _continues = new();
    private readonly ConcurrentDictionary<string, int> _expireContinues = new();
    private readonly ConcurrentDictionary<string, bool> _forbidden = new();
    private readonly ConcurrentDictionary<string, string> _single = new();
    private int _resourceVersion = 100;

    private FakeApiServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Which group versions are served and how (CRDs, or EnMasse's aggregated API server).</summary>
    public ApiDiscovery Discovery { get; } = new();

    public static async Task<FakeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.MapGet("/api/v1/namespaces/{ns}/secrets/{name}", (string ns, string name) => server.Get($"secrets/{ns}/{name}"));
        app.MapPost("/api/v1/namespaces/{ns}/secrets", (HttpContext c, string ns) => server.CreateSecret(c, ns));
        app.MapPut("/api/v1/namespaces/{ns}/secrets/{name}", (HttpContext c, string ns, string name) => server.ReplaceSecret(c, $"secrets/{ns}/{name}"));
        app.MapGet("/api/v1/namespaces/{ns}/{plural}", (HttpContext c, string ns, string plural) => server.Serve(c, "v1", plural, ns));
        app.MapGet("/api/v1/namespaces/{ns}/{plural}/{name}", (string ns, string plural, string name) => server.GetObject("v1", plural, ns, name));
        app.MapGet("/apis/admissionregistration.k8s.io/v1/{kind}/{name}", (string kind, string name) => server.Get($"{kind}/{name}"));
        app.MapMethods("/apis/admissionregistration.k8s.io/v1/{kind}/{name}", ["PATCH"], (HttpContext c, string kind, string name) => server.Patch(c, $"{kind}/{name}"));
        app.MapGet("/apis/{group}/{version}/namespaces/{ns}/{plural}", (HttpContext c, string group, string version, string ns, string plural) => server.Serve(c, $"{group}/{version}", plural, ns));
        app.MapGet("/apis/{group}/{version}/{plural}", (HttpContext c, string group, string version, string plural) => server.Serve(c, $"{group}/{version}", plural, null));
        app.MapGet("/apis/{group}/{version}/namespaces/{ns}/{plural}/{name}", (string group, string version, string ns, string plural, string name) => server.GetObject($"{group}/{version}", plural, ns, name));
        app.MapPost("/apis/{group}/{version}/namespaces/{ns}/{plural}", (HttpContext c, string group, string version, string ns, string plural) => server.CreateObject(c, $"{group}/{version}", plural, ns));
        app.MapPut("/apis/{group}/{version}/namespaces/{ns}/{plural}/{name}", (HttpContext c, string group, string version, string ns, string plural, string name) => server.ReplaceObject(c, $"{group}/{version}", plural, ns, name));
        app.MapDelete("/apis/{group}/{version}/namespaces/{ns}/{plural}/{name}", (string group, string version, string ns, string plural, string name) => server.DeleteObject($"{group}/{version}", plural, ns, name));
        server.Discovery.Map(app);
        await app.StartAsync();
        server.Address = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Writes made to single objects (secrets, webhook configurations) and to custom objects, in order, as "verb plural/ns/name".</summary>
    public ConcurrentQueue<string> Writes { get; } = new();

    /// <summary>Seeds or reads a single object by "kind/name" or "secrets/ns/name".</summary>
    public void PutObject(string key, string json) => _single[key] = json;

    public string? Object(string key) => _single.GetValueOrDefault(key);

    /// <summary>A Status object as the API server answers a failed request.</summary>
    public static IResult Status(int code, string reason, string message) =>
        Results.Text(new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure", ["message"] = message, ["reason"] = reason, ["code"] = code }.ToJsonString(), "application/json", statusCode: code);

    private IResult Get(string key) => _single.TryGetValue(key, out var json)
        ? Results.Text(json, "application/json")
        : Status(404, "NotFound", $"\"{key}\" not found");

    private async Task<IResult> CreateSecret(HttpContext context, string ns)
    {
        var item = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        var key = $"secrets/{ns}/{item["metadata"]!["name"]}";
        if (_single.ContainsKey(key))
        {
            return Status(409, "AlreadyExists", $"secrets \"{item["metadata"]!["name"]}\" already exists");
        }

        Stamp(item);
        _single[key] = item.ToJsonString();
        Writes.Enqueue("create " + key);
        return Results.Text(_single[key], "application/json", statusCode: 201);
    }

    private async Task<IResult> ReplaceSecret(HttpContext context, string key)
    {
        var item = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        var stored = _single.TryGetValue(key, out var json) ? JsonNode.Parse(json)!["metadata"]?["resourceVersion"]?.GetValue<string>() : null;
        if (stored != item["metadata"]?["resourceVersion"]?.GetValue<string>())
        {
            return Status(409, "Conflict", "the object has been modified; please apply your changes to the latest version and try again");
        }

        Stamp(item);
        _single[key] = item.ToJsonString();
        Writes.Enqueue("replace " + key);
        return Results.Text(_single[key], "application/json");
    }

    private async Task<IResult> Patch(HttpContext context, string key)
    {
        if (!_single.TryGetValue(key, out var json))
        {
            return Get(key);
        }

        Assert.StartsWith("application/json-patch+json", context.Request.ContentType, StringComparison.Ordinal);
        _single[key] = JsonPatchApplier.Apply(json, await new StreamReader(context.Request.Body).ReadToEndAsync(), allowReplace: true);
        Writes.Enqueue("patch " + key);
        return Results.Text(_single[key], "application/json");
    }

    /// <summary>Lists (not pages) of a resource started so far.</summary>
    public int ListCount(string plural) => _lists.GetValueOrDefault(plural);

    /// <summary>Pages of a resource served so far, first pages included.</summary>
    public int PageCount(string plural) => _pages.GetValueOrDefault(plural);

    /// <summary>Lists of the resource answer 403 Forbidden, as for a user RBAC does not let list it.</summary>
    public void Forbid(string plural) => _forbidden[plural] = true;

    /// <summary>Undoes <see cref="Forbid"/>: RBAC was fixed and the next list succeeds.</summary>
    public void Allow(string plural) => _forbidden.TryRemove(plural, out _);

    /// <summary>The next <paramref name="times"/> requests that continue a list of the resource answer 410 Gone: the token expired between pages.</summary>
    public void ExpireNextContinue(string plural, int times = 1) => _expireContinues[plural] = times;

    /// <summary>Completes once a watch of the resource is open, so events sent after it are seen.</summary>
    public Task Watching(string plural) => _watching.GetOrAdd(plural, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Put(string plural, string json) => Store(plural, JsonNode.Parse(json)!.AsObject());

    /// <summary>The stored objects of a resource (PolicyReports the webhook wrote, say), by namespace and name.</summary>
    public IReadOnlyList<JsonObject> Objects(string plural) =>
        [.. _objects.GetOrAdd(plural, _ => new()).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value.DeepClone().AsObject())];

    public void Send(string plural, string type, string json)
    {
        var item = JsonNode.Parse(json)!.AsObject();
        if (type == "DELETED")
        {
            _objects.GetOrAdd(plural, _ => new()).TryRemove(Key(item), out _);
            Stamp(item);
        }
        else
        {
            Store(plural, item);
        }

        Broadcast(plural, new JsonObject { ["type"] = type, ["object"] = item.DeepClone() }.ToJsonString());
    }

    /// <summary>Tells open watches that their version expired, and forgets who was watching.</summary>
    public void Expire(string plural)
    {
        _watching.TryRemove(plural, out _);
        var status = new JsonObject
        {
            ["type"] = "ERROR",
            ["object"] = new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["message"] = "too old resource version", ["reason"] = "Expired", ["code"] = 410 },
        };
        Broadcast(plural, status.ToJsonString(), close: true);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_watchers)
        {
            // A watch that ends removes its channel under this lock; enumerate under it too.
            foreach (var channel in _watchers.Values.SelectMany(l => l))
            {
                channel.Writer.TryComplete();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The refusal a request to this resource gets before it is served, if any.</summary>
    private IResult? Refused(string groupVersion, string plural, string? ns, string verb)
    {
        if (Discovery.Unavailable(groupVersion))
        {
            return Status(503, "ServiceUnavailable", "the server is currently unable to handle the request");
        }

        if (!Discovery.Serves(groupVersion))
        {
            return Status(404, "NotFound", "the server could not find the requested resource");
        }

        if (_forbidden.ContainsKey(plural))
        {
            var group = groupVersion.Contains('/') ? groupVersion.Split('/')[0] : string.Empty;
            var resource = group.Length == 0 ? plural : $"{plural}.{group}";
            var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
            return Status(403, "Forbidden", $"{resource} is forbidden: User \"system:serviceaccount:audit:reader\" cannot {verb} resource \"{plural}\" in API group \"{group}\" {scope}");
        }

        return null;
    }

    private async Task Serve(HttpContext context, string groupVersion, string plural, string? ns)
    {
        var query = context.Request.Query;
        var isWatch = query["watch"] is { Count: > 0 } watch && watch[0] is "true" or "1";
        if (Refused(groupVersion, plural, ns, isWatch ? "watch" : "list") is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        if (isWatch)
        {
            await Watch(context, plural);
            return;
        }

        _pages.AddOrUpdate(plural, 1, (_, n) => n + 1);
        JsonNode[] items;
        int offset;
        string resourceVersion;
        if (query["continue"] is { Count: > 0 } token && token[0] is { Length: > 0 } continueToken)
        {
            if (_expireContinues.TryGetValue(plural, out var left) && left > 0)
            {
                _expireContinues[plural] = left - 1;
                _continues.TryRemove(continueToken, out _);
                await Status(410, "Expired", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.").ExecuteAsync(context);
                return;
            }

            if (!_continues.TryRemove(continueToken, out var page) || page.Plural != plural)
            {
                await Status(400, "BadRequest", "continue key is not valid").ExecuteAsync(context);
                return;
            }

            (items, offset, resourceVersion) = (page.Items, page.Offset, page.ResourceVersion);
        }
        else
        {
            // A first page: the list is a snapshot as of now, which later pages continue.
            _lists.AddOrUpdate(plural, 1, (_, n) => n + 1);
            items = [.. _objects.GetOrAdd(plural, _ => new()).Values
                .Where(o => ns is null || o["metadata"]?["namespace"]?.GetValue<string>() == ns)
                .Where(o => Matches(o, query["labelSelector"].ToString()))
                .OrderBy(Key, StringComparer.Ordinal)
                .Select(o => (JsonNode)o.DeepClone())];
            offset = 0;
            resourceVersion = Volatile.Read(ref _resourceVersion).ToString(CultureInfo.InvariantCulture);
        }

        var limit = int.TryParse(query["limit"].ToString(), out var l) && l > 0 ? l : int.MaxValue;
        var count = Math.Min(limit, items.Length - offset);
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (offset + count < items.Length)
        {
            var next = Guid.NewGuid().ToString("N");
            _continues[next] = (items, offset + count, plural, resourceVersion);
            metadata["continue"] = next;
            metadata["remainingItemCount"] = items.Length - offset - count;
        }

        var list = new JsonObject
        {
            ["apiVersion"] = groupVersion,
            ["kind"] = "List",
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. items.Skip(offset).Take(count).Select(i => i.DeepClone())]),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(list.ToJsonString());
    }

    /// <summary>Equality-based label selectors (k=v, k==v, k!=v, k), comma-separated, as the API server reads them.</summary>
    private static bool Matches(JsonObject item, string selector)
    {
        var labels = item["metadata"]?["labels"] as JsonObject;
        foreach (var term in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            var value = labels?[parts[0]]?.GetValue<string>();
            var ok = parts.Length == 1 ? value is not null : negate ? value != parts[1] : value == parts[1];
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private IResult GetObject(string groupVersion, string plural, string ns, string name) =>
        Refused(groupVersion, plural, ns, "get")
        ?? (_objects.GetOrAdd(plural, _ => new()).TryGetValue($"{ns}/{name}", out var item)
            ? Results.Text(item.ToJsonString(), "application/json")
            : Status(404, "NotFound", $"{plural} \"{name}\" not found"));

    private async Task<IResult> CreateObject(HttpContext context, string groupVersion, string plural, string ns)
    {
        if (Refused(groupVersion, plural, ns, "create") is { } refusal)
        {
            return refusal;
        }

        var item = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        var name = item["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;
        item["metadata"]!["namespace"] = ns;
        if (!_objects.GetOrAdd(plural, _ => new()).TryAdd($"{ns}/{name}", item))
        {
            return Status(409, "AlreadyExists", $"{plural}.{groupVersion.Split('/')[0]} \"{name}\" already exists");
        }

        Stamp(item);
        Writes.Enqueue($"create {plural}/{ns}/{name}");
        return Results.Text(item.ToJsonString(), "application/json", statusCode: 201);
    }

    private async Task<IResult> ReplaceObject(HttpContext context, string groupVersion, string plural, string ns, string name)
    {
        if (Refused(groupVersion, plural, ns, "update") is { } refusal)
        {
            return refusal;
        }

        var item = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        var store = _objects.GetOrAdd(plural, _ => new());
        if (!store.TryGetValue($"{ns}/{name}", out var stored))
        {
            return Status(404, "NotFound", $"{plural} \"{name}\" not found");
        }

        if (stored["metadata"]?["resourceVersion"]?.GetValue<string>() != item["metadata"]?["resourceVersion"]?.GetValue<string>())
        {
            return Status(409, "Conflict", $"Operation cannot be fulfilled on {plural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
        }

        Stamp(item);
        store[$"{ns}/{name}"] = item;
        Writes.Enqueue($"replace {plural}/{ns}/{name}");
        return Results.Text(item.ToJsonString(), "application/json");
    }

    private IResult DeleteObject(string groupVersion, string plural, string ns, string name)
    {
        if (Refused(groupVersion, plural, ns, "delete") is { } refusal)
        {
            return refusal;
        }

        if (!_objects.GetOrAdd(plural, _ => new()).TryRemove($"{ns}/{name}", out _))
        {
            return Status(404, "NotFound", $"{plural} \"{name}\" not found");
        }

        Writes.Enqueue($"delete {plural}/{ns}/{name}");
        return Results.Text(new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Success" }.ToJsonString(), "application/json");
    }

    private async Task Watch(HttpContext context, string plural)
    {
        var channel = Channel.CreateUnbounded<string>();
        lock (_watchers)
        {
            _watchers.GetOrAdd(plural, _ => []).Add(channel);
        }
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync();
        _watching.GetOrAdd(plural, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(line + "\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_watchers)
            {
                _watchers[plural].Remove(channel);
            }
        }
    }

    private void Broadcast(string plural, string line, bool close = false)
    {
        lock (_watchers)
        {
            foreach (var channel in _watchers.GetOrAdd(plural, _ => []))
            {
                channel.Writer.TryWrite(line);
                if (close)
                {
                    channel.Writer.TryComplete();
                }
            }
        }
    }

    private void Store(string plural, JsonObject item)
    {
        Stamp(item);
        _objects.GetOrAdd(plural, _ => new())[Key(item)] = item;
    }

    private void Stamp(JsonObject item)
    {
        var metadata = item["metadata"]!.AsObject();
        metadata["resourceVersion"] = Interlocked.Increment(ref _resourceVersion).ToString(CultureInfo.InvariantCulture);
    }

    private static string Key(JsonNode item) => $"{item["metadata"]?["namespace"]}/{item["metadata"]?["name"]}";
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// Not a mock of our code: a local HTTP server that speaks the Kubernetes API's wire format for
/// custom objects, since no API server runs here. Lists are JSON with metadata.resourceVersion;
/// a watch (?watch=true) is a chunked stream of {"type":..,"object":..} lines; an expired version
/// is an ERROR event carrying a 410 Status, as the API server sends it.
/// </summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, JsonObject>> _objects = new();
    private readonly ConcurrentDictionary<string, List<Channel<string>>> _watchers = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _watching = new();
    private readonly ConcurrentDictionary<string, int> _lists = new();
    private int _resourceVersion = 100;

    private FakeApiServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.MapGet("/api/v1/namespaces/{ns}/secrets/{name}", (string ns, string name) => server.Get($"secrets/{ns}/{name}"));
        app.MapPost("/api/v1/namespaces/{ns}/secrets", (HttpContext c, string ns) => server.Create(c, ns));
        app.MapPut("/api/v1/namespaces/{ns}/secrets/{name}", (HttpContext c, string ns, string name) => server.Replace(c, $"secrets/{ns}/{name}"));
        app.MapGet("/apis/admissionregistration.k8s.io/v1/{kind}/{name}", (string kind, string name) => server.Get($"{kind}/{name}"));
        app.MapMethods("/apis/admissionregistration.k8s.io/v1/{kind}/{name}", ["PATCH"], (HttpContext c, string kind, string name) => server.Patch(c, $"{kind}/{name}"));
        app.MapGet("/apis/{group}/{version}/namespaces/{ns}/{plural}", (HttpContext c, string plural) => server.Serve(c, plural));
        app.MapGet("/apis/{group}/{version}/{plural}", (HttpContext c, string plural) => server.Serve(c, plural));
        ApiDiscovery.Map(app);
        await app.StartAsync();
        server.Address = new Uri(app.Urls.Single());
        return server;
    }

    private readonly ConcurrentDictionary<string, string> _single = new();

    /// <summary>Writes made to single objects (secrets, webhook configurations), in order.</summary>
    public ConcurrentQueue<string> Writes { get; } = new();

    /// <summary>Seeds or reads a single object by "kind/name" or "secrets/ns/name".</summary>
    public void PutObject(string key, string json) => _single[key] = json;

    public string? Object(string key) => _single.GetValueOrDefault(key);

    private IResult Get(string key) => _single.TryGetValue(key, out var json)
        ? Results.Text(json, "application/json")
        : Results.Text("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""", "application/json", statusCode: 404);

    private async Task<IResult> Create(HttpContext context, string ns)
    {
        var item = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        var key = $"secrets/{ns}/{item["metadata"]!["name"]}";
        if (_single.ContainsKey(key))
        {
            return Results.Text("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"AlreadyExists","code":409}""", "application/json", statusCode: 409);
        }

        Stamp(item);
        _single[key] = item.ToJsonString();
        Writes.Enqueue("create " + key);
        return Results.Text(_single[key], "application/json", statusCode: 201);
    }

    private async Task<IResult> Replace(HttpContext context, string key)
    {
        var item = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        var stored = _single.TryGetValue(key, out var json) ? JsonNode.Parse(json)!["metadata"]?["resourceVersion"]?.GetValue<string>() : null;
        if (stored != item["metadata"]?["resourceVersion"]?.GetValue<string>())
        {
            return Results.Text("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409}""", "application/json", statusCode: 409);
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

    public int ListCount(string plural) => _lists.GetValueOrDefault(plural);

    /// <summary>Completes once a watch of the resource is open, so events sent after it are seen.</summary>
    public Task Watching(string plural) => _watching.GetOrAdd(plural, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Put(string plural, string json) => Store(plural, JsonNode.Parse(json)!.AsObject());

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

    private async Task Serve(HttpContext context, string plural)
    {
        var query = context.Request.Query;
        if (query["watch"] is { Count: > 0 } watch && watch[0] is "true" or "1")
        {
            await Watch(context, plural);
            return;
        }

        _lists.AddOrUpdate(plural, 1, (_, n) => n + 1);
        var items = new JsonArray([.. _objects.GetOrAdd(plural, _ => new()).Values.Select(o => (JsonNode)o.DeepClone())]);
        var list = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = Volatile.Read(ref _resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = items,
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(list.ToJsonString());
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
        metadata["resourceVersion"] = Interlocked.Increment(ref _resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Key(JsonObject item) => $"{item["metadata"]?["namespace"]}/{item["metadata"]?["name"]}";
}

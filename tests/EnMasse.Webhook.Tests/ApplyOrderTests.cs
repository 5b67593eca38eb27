using System.Text;
using System.Text.Json.Nodes;
using EnMasse.Policy.Documents;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The admission door over a directory kubectl applies in file-name order: one real review per
/// object, mutated then validated as the API server does, each admitted object stored in the
/// wire-format API server (no API server runs here) so the webhook's catalogue grows through its
/// watch, as it would in a cluster. References to objects that come later are warnings at
/// admission, never denials.
/// </summary>
public sealed class ApplyOrderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Kubectl_apply_of_a_directory_in_name_order_is_admitted_object_by_object()
    {
        await using var api = await FakeApiServer.StartAsync();
        await using var server = await WebhookServer.StartAsync(kubernetes: api.Address);
        await api.Watching("addressspaces").WaitAsync(Wait);
        await api.Watching("addresses").WaitAsync(Wait);

        var dir = ApplyOrder.WriteTo(Path.Combine(server.Root, "team1"));
        var warnings = new List<string>();
        foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            foreach (var document in DocumentLoader.Load(file, File.ReadAllBytes(file)).Documents)
            {
                var sent = JsonNode.Parse(NodeJsonWriter.ToJson(document.Root))!.AsObject();
                sent["metadata"]!["namespace"] = ApplyOrder.Namespace;
                var stored = await AdmitAsync(server, sent.ToJsonString(), warnings);
                if (Plural(sent) is { } plural)
                {
                    var published = Published(server, plural);
                    api.Send(plural, "ADDED", stored);
                    await published.WaitAsync(Wait);
                }
            }
        }

        // The first objects came before what they refer to: they were warned about, not denied.
        Assert.Contains(warnings, w => w.StartsWith("shop.audit-reader [address.space]", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("shop.audit-reader [address.topic]", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("shop.orders [address.space]", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("shop.app [user.space]", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.StartsWith("shop ", StringComparison.Ordinal));

        // Applied again, as the next kubectl apply or sync would: everything is now known.
        var again = new List<string>();
        var subscription = JsonNode.Parse(NodeJsonWriter.ToJson(DocumentLoader.Load("s.yaml", Encoding.UTF8.GetBytes(ApplyOrder.Files[0].Yaml)).Documents[0].Root))!.AsObject();
        subscription["metadata"]!["namespace"] = ApplyOrder.Namespace;
        await AdmitAsync(server, subscription.ToJsonString(), again);
        Assert.Empty(again);
    }

    /// <summary>Mutates, applies the patch and validates, as the API server does; returns the object it would store.</summary>
    private static async Task<string> AdmitAsync(WebhookServer server, string objectJson, List<string> warnings)
    {
        var (_, mutate, _) = await server.PostAsync("/mutate", Reviews.For(objectJson));
        var mutation = mutate!.Value.GetProperty("response");
        var stored = mutation.TryGetProperty("patch", out var patch)
            ? JsonPatchApplier.Apply(objectJson, Encoding.UTF8.GetString(Convert.FromBase64String(patch.GetString()!)))
            : objectJson;

        var (status, validate, text) = await server.PostAsync("/validate", Reviews.For(stored));
        Assert.True(status == 200, text);
        var response = validate!.Value.GetProperty("response");
        var name = JsonNode.Parse(stored)!["metadata"]!["name"]!.GetValue<string>();
        Assert.True(response.GetProperty("allowed").GetBoolean(), $"{name} was denied: {text}");
        if (response.TryGetProperty("warnings", out var list))
        {
            warnings.AddRange(list.EnumerateArray().Select(w => $"{name} {w.GetString()}"));
        }

        return stored;
    }

    private static string? Plural(JsonObject item) => item["kind"]!.GetValue<string>() switch
    {
        "AddressSpace" => "addressspaces",
        "Address" => "addresses",
        _ => null,
    };

    private static Task Published(WebhookServer server, string plural)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Feed.Published += resource =>
        {
            if (resource.StartsWith(plural, StringComparison.Ordinal))
            {
                done.TrySetResult();
            }
        };
        return done.Task;
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// Every rendered object against its Kubernetes schema: types, required fields and enums from the
/// OpenAPI schemas (kubernetes-models, cert-manager's too, through .ci/chart-check), and unknown
/// fields, which the API server drops or refuses (kubectl validates strictly), through
/// KubernetesClient's models for the kinds it has.
/// </summary>
internal static class SchemaCheck
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly Dictionary<(string ApiVersion, string Kind), Type> Models = typeof(V1Pod).Assembly.GetTypes()
        .Select(t => (Type: t, Entity: t.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(e => e.Entity is not null)
        .GroupBy(e => (e.Entity!.Group.Length == 0 ? e.Entity.ApiVersion : $"{e.Entity.Group}/{e.Entity.ApiVersion}", e.Entity.Kind))
        .ToDictionary(g => g.Key, g => g.First().Type);

    /// <summary>The problems found, one line each; empty when every object is valid.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<JsonObject> objects)
    {
        ChartTools.RequireChecker();
        var problems = new List<string>();
        var input = Path.Combine(Path.GetTempPath(), $"enmasse-chart-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(input, new JsonArray([.. objects.Select(o => o.DeepClone())]).ToJsonString());
            var result = ProcessRun.Run(ChartTools.Node!, [ChartTools.CheckScript, input]);
            Assert.True(result.ExitCode is 0 or 1, "the schema checker could not run: " + result.Describe());
            Assert.Contains($"{objects.Count} objects checked", result.Stdout, StringComparison.Ordinal);
            if (result.ExitCode == 1)
            {
                problems.AddRange(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));
            }
        }
        finally
        {
            File.Delete(input);
        }

        foreach (var item in objects)
        {
            if (Models.TryGetValue((Rendered.Str(item, "apiVersion") ?? string.Empty, Rendered.Str(item, "kind") ?? string.Empty), out var model))
            {
                try
                {
                    JsonSerializer.Deserialize(item, model, Strict);
                }
                catch (JsonException e)
                {
                    problems.Add($"{Rendered.Str(item, "kind")}/{Rendered.Name(item)}: {e.Message}");
                }
            }
        }

        return problems;
    }
}

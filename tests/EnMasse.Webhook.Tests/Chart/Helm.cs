using System.Text.Json.Nodes;
using EnMasse.Policy.Documents;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>The real helm binary, on the chart of this checkout unless told another.</summary>
internal static class Helm
{
    public const string Release = "enmasse-admission";
    public const string Namespace = "enmasse-admission";

    public static ProcessResult Run(IEnumerable<string> args, string? workingDirectory = null) =>
        ProcessRun.Run(ChartTools.RequireHelm(), args, workingDirectory);

    /// <summary>helm template; a failed render fails the test with helm's message.</summary>
    public static Rendered Template(IEnumerable<string> values, string? chart = null, string release = Release, string ns = Namespace)
    {
        var result = TryTemplate(values, chart, release, ns);
        Assert.True(result.ExitCode == 0, "helm template failed: " + result.Describe());
        return Rendered.Parse(result.Stdout);
    }

    public static ProcessResult TryTemplate(IEnumerable<string> values, string? chart = null, string release = Release, string ns = Namespace) =>
        Run(["template", release, chart ?? ChartTools.ChartDir, "--namespace", ns, .. values]);
}

/// <summary>helm's output read as kubectl reads it (YAML 1.1 types), one JSON object per document.</summary>
internal sealed class Rendered(IReadOnlyList<JsonObject> objects)
{
    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    public static Rendered Parse(string yaml)
    {
        var read = DocumentLoader.LoadText("helm template output", yaml);
        Assert.Empty(read.FileFindings);
        var objects = new List<JsonObject>();
        foreach (var document in read.Documents.Where(d => d.Root is not ScalarNode { IsNull: true }))
        {
            Assert.True(document.Problems.Count == 0, "a rendered document has problems: " + string.Join("; ", document.Problems.Select(p => p.Message)));
            objects.Add(JsonNode.Parse(NodeJsonWriter.ToJson(document.Root))!.AsObject());
        }

        return new Rendered(objects);
    }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => Str(o, "kind") == kind);

    public JsonObject One(string kind) => Assert.Single(OfKind(kind));

    public JsonObject One(string kind, string name) => Assert.Single(OfKind(kind), o => Name(o) == name);

    public IReadOnlyList<string> KindsAndNames() => [.. Objects.Select(o => $"{Str(o, "kind")}/{Name(o)}").Order(StringComparer.Ordinal)];

    public static string? Name(JsonNode? o) => o?["metadata"]?["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string? Str(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node?[key];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    public static JsonObject Container(JsonObject deployment) =>
        Assert.Single(deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!.AsObject();

    public static IReadOnlyList<string> Args(JsonObject deployment) =>
        [.. Container(deployment)["args"]!.AsArray().Select(a => a!.GetValue<string>())];

    public static string? Flag(JsonObject deployment, string name) =>
        Args(deployment).Select(a => a.Split('=', 2)).Where(p => p[0] == "--" + name).Select(p => p[1]).LastOrDefault();
}

using System.Text.Json;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>
/// Converts an object taken from an AdmissionReview into nodes; such nodes have paths but no
/// positions. What the file readers refuse is refused here too, as a yaml.syntax problem of
/// the document: nesting deeper than <see cref="DocumentLimits.MaxDepth"/> and a string that
/// holds half of a surrogate pair.
/// </summary>
public static class JsonElementConverter
{
    /// <summary>The object as a document, with a repeated key reported as the YAML reader reports it.</summary>
    public static SourceDocument ToDocument(JsonElement element)
    {
        var problems = new List<RawFinding>();
        return new SourceDocument(null, ToNode(element, string.Empty, 0, problems), problems);
    }

    public static Node ToNode(JsonElement element, string path = "", int depth = 0) => ToNode(element, path, depth, null);

    private static Node ToNode(JsonElement element, string path, int depth, List<RawFinding>? problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object or JsonValueKind.Array when depth >= DocumentLimits.Default.MaxDepth:
                problems?.Add(new RawFinding(RuleIds.YamlSyntax, path, Position.None, $"the document nests deeper than {DocumentLimits.Default.MaxDepth} levels"));
                return new ScalarNode(path, Position.None, Position.None, "null", ScalarType.Null);
            case JsonValueKind.Object:
                var entries = new MappingBuilder(path, problems);
                foreach (var property in element.EnumerateObject())
                {
                    var key = Text(property, path, problems);
                    entries.Add(new NodeEntry(key, Position.None, ToNode(property.Value, NodePath.Child(path, key), depth + 1, problems)));
                }

                return entries.Build(Position.None, Position.None);
            case JsonValueKind.Array:
                var items = new List<Node>();
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(ToNode(item, NodePath.Index(path, items.Count), depth + 1, problems));
                }

                return new SequenceNode(path, Position.None, Position.None, items);
            case JsonValueKind.String:
                return new ScalarNode(path, Position.None, Position.None, Text(element, path, problems), ScalarType.String);
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                return new ScalarNode(path, Position.None, Position.None, raw, raw.AsSpan().IndexOfAny(".eE") < 0 ? ScalarType.Int : ScalarType.Float);
            case JsonValueKind.True:
                return new ScalarNode(path, Position.None, Position.None, "true", ScalarType.Bool);
            case JsonValueKind.False:
                return new ScalarNode(path, Position.None, Position.None, "false", ScalarType.Bool);
            default:
                return new ScalarNode(path, Position.None, Position.None, "null", ScalarType.Null);
        }
    }

    private static string Text(JsonElement value, string path, List<RawFinding>? problems)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return NotText(value.GetRawText()[1..^1], path, problems);
        }
    }

    private static string Text(JsonProperty property, string parent, List<RawFinding>? problems)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            // The escaped form, as written, stands in for the key; the finding says why.
            var raw = property.ToString();
            return NotText(raw[1..raw.IndexOf("\":", StringComparison.Ordinal)], parent, problems);
        }
    }

    private static string NotText(string escaped, string path, List<RawFinding>? problems)
    {
        problems?.Add(new RawFinding(RuleIds.YamlSyntax, path, Position.None, "not well-formed JSON: a string holds half of a surrogate pair (such as \\ud800 alone), which is not text"));
        return escaped;
    }
}

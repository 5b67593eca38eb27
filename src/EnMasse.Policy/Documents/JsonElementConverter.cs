using System.Text.Json;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>Converts an object taken from an AdmissionReview into nodes; such nodes have paths but no positions.</summary>
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
        // System.Text.Json already bounds the depth of what it parsed (64 by default).
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var entries = new MappingBuilder(path, problems);
                foreach (var property in element.EnumerateObject())
                {
                    entries.Add(new NodeEntry(property.Name, Position.None, ToNode(property.Value, NodePath.Child(path, property.Name), depth + 1, problems)));
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
                return new ScalarNode(path, Position.None, Position.None, element.GetString() ?? string.Empty, ScalarType.String);
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
}

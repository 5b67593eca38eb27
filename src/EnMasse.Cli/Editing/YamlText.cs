using System.Text;
using EnMasse.Policy.Documents;

namespace EnMasse.Cli.Editing;

/// <summary>
/// Writes the values a default adds, in the style of the place they go: block YAML at a given
/// indentation, flow YAML inside braces, or JSON. Strings that YAML would read as something else
/// (yes, 42, null, ": ") are double-quoted so the text means what the default does.
/// </summary>
internal sealed class YamlText(string newline, int indentStep, bool indentSequences)
{
    /// <summary>"key: value" as block lines at <paramref name="indent"/> spaces, each ending with the file's newline.</summary>
    public string BlockEntry(string key, Node value, int indent)
    {
        var text = new StringBuilder();
        text.Append(' ', indent).Append(Key(key)).Append(':');
        Block(text, value, indent);
        return text.ToString();
    }

    /// <summary>"key: value" for inside a flow mapping; JSON when the file is JSON.</summary>
    public static string FlowEntry(string key, Node value, bool json) =>
        json ? $"{NodeJsonWriter.ToJson(new ScalarNode(string.Empty, default, default, key, ScalarType.String))}: {NodeJsonWriter.ToJson(value)}" : $"{Key(key)}: {Flow(value)}";

    private void Block(StringBuilder text, Node node, int indent)
    {
        switch (node)
        {
            case MappingNode { Entries.Count: > 0 } mapping:
                text.Append(newline);
                foreach (var entry in mapping.Entries)
                {
                    text.Append(BlockEntry(entry.Key, entry.Value, indent + indentStep));
                }

                break;
            case SequenceNode { Items.Count: > 0 } sequence:
                text.Append(newline);
                var dash = indentSequences ? indent + indentStep : indent;
                foreach (var item in sequence.Items)
                {
                    text.Append(' ', dash).Append('-');
                    if (item is MappingNode { Entries.Count: > 0 } itemMapping)
                    {
                        var first = true;
                        foreach (var entry in itemMapping.Entries)
                        {
                            var line = BlockEntry(entry.Key, entry.Value, dash + 2);
                            text.Append(first ? " " + line[(dash + 2)..] : line);
                            first = false;
                        }
                    }
                    else
                    {
                        text.Append(' ').Append(Flow(item)).Append(newline);
                    }
                }

                break;
            default:
                text.Append(' ').Append(Flow(node)).Append(newline);
                break;
        }
    }

    private static string Flow(Node node) => node switch
    {
        MappingNode mapping => "{" + string.Join(", ", mapping.Entries.Select(e => $"{Key(e.Key)}: {Flow(e.Value)}")) + "}",
        SequenceNode sequence => "[" + string.Join(", ", sequence.Items.Select(Flow)) + "]",
        ScalarNode scalar => Scalar(scalar),
        _ => "null",
    };

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(ScalarNode scalar) => scalar.Type switch
    {
        ScalarType.Null => "null",
        ScalarType.Bool => NodeJsonWriter.ToJson(scalar),
        ScalarType.Int or ScalarType.Float => scalar.Value,
        _ => NeedsQuotes(scalar.Value) ? Quote(scalar.Value) : scalar.Value,
    };

    // Quoted as well when a flow indicator appears anywhere, so the same text is right in block and flow places.
    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || ScalarResolver.ResolvePlain(value) != ScalarType.String
        || value != value.Trim()
        || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.IndexOfAny([',', '[', ']', '{', '}']) >= 0
        || value.EndsWith(':')
        || value.Any(char.IsControl);

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

using System.Text;
using EnMasse.Policy.Documents;

namespace EnMasse.Cli.Output;

/// <summary>
/// Writes nodes as block YAML in their original key order. Strings that YAML would read as
/// something else (yes, 42, null, ": ") are double-quoted so the output means what the input did.
/// </summary>
internal static class YamlWriter
{
    public static string Write(Node node)
    {
        var text = new StringBuilder();
        WriteValue(text, node, indent: 0, inline: false);
        return text.ToString();
    }

    private static void WriteValue(StringBuilder text, Node node, int indent, bool inline)
    {
        switch (node)
        {
            case MappingNode { Entries.Count: 0 }:
                text.Append(inline ? " {}\n" : "{}\n");
                break;
            case SequenceNode { Items.Count: 0 }:
                text.Append(inline ? " []\n" : "[]\n");
                break;
            case MappingNode mapping:
                if (inline)
                {
                    text.Append('\n');
                }

                WriteEntries(text, mapping, indent, firstInline: false);
                break;
            case SequenceNode sequence:
                if (inline)
                {
                    text.Append('\n');
                }

                foreach (var item in sequence.Items)
                {
                    text.Append(' ', indent).Append('-');
                    if (item is MappingNode { Entries.Count: > 0 } itemMapping)
                    {
                        text.Append(' ');
                        WriteEntries(text, itemMapping, indent + 2, firstInline: true);
                    }
                    else
                    {
                        WriteValue(text, item, indent + 2, inline: true);
                    }
                }

                break;
            case ScalarNode scalar:
                text.Append(inline ? " " : string.Empty).Append(Scalar(scalar)).Append('\n');
                break;
        }
    }

    private static void WriteEntries(StringBuilder text, MappingNode mapping, int indent, bool firstInline)
    {
        var first = true;
        foreach (var entry in mapping.Entries)
        {
            if (!(first && firstInline))
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append(Key(entry.Key)).Append(':');
            WriteValue(text, entry.Value, indent + 2, inline: true);
        }
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(ScalarNode scalar) => scalar.Type switch
    {
        ScalarType.Null => "null",
        ScalarType.Bool => NodeJsonWriter.ToJson(scalar),
        ScalarType.Int or ScalarType.Float => scalar.Value,
        _ => NeedsQuotes(scalar.Value) ? Quote(scalar.Value) : scalar.Value,
    };

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || ScalarResolver.ResolvePlain(value) != ScalarType.String
        || value != value.Trim()
        || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.EndsWith(':')
        || value.Any(char.IsControl);

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

using System.Text.Json;

namespace EnMasse.Policy.Documents;

/// <summary>Writes nodes as JSON: for patch values and for objects handed back to a door.</summary>
public static class NodeJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Node node)
    {
        switch (node)
        {
            case MappingNode mapping:
                // Index loops: an enumerator through the interface would be allocated per node.
                writer.WriteStartObject();
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    writer.WritePropertyName(mapping.Entries[i].Key);
                    Write(writer, mapping.Entries[i].Value);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Write(writer, sequence.Items[i]);
                }

                writer.WriteEndArray();
                break;
            case ScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
        }
    }

    public static string ToJson(Node node, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteScalar(Utf8JsonWriter writer, ScalarNode scalar)
    {
        switch (scalar.Type)
        {
            case ScalarType.Null:
                writer.WriteNullValue();
                break;
            case ScalarType.Bool:
                writer.WriteBooleanValue(scalar.TryGetBoolean(out var flag) && flag);
                break;
            case ScalarType.Int when long.TryParse(scalar.Value.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer):
                writer.WriteNumberValue(integer);
                break;
            case ScalarType.Float or ScalarType.Int when double.TryParse(scalar.Value.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            default:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }
}

using System.Text.Json;
using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Defaults;

/// <summary>Serialises a patch as the JSON the API server takes (before base64).</summary>
public static class JsonPatch
{
    public static string ToJson(IReadOnlyList<PatchOperation> operations)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var operation in operations)
            {
                writer.WriteStartObject();
                writer.WriteString("op", operation.Op);
                writer.WriteString("path", operation.Path);
                writer.WritePropertyName("value");
                NodeJsonWriter.Write(writer, operation.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

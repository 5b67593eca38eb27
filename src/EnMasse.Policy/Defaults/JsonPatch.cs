using System.Text.Json;
using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Defaults;

/// <summary>Serialises a patch as the JSON the API server takes (before base64).</summary>
public static class JsonPatch
{
    public static string ToJson(IReadOnlyList<PatchOperation> operations) => System.Text.Encoding.UTF8.GetString(ToUtf8(operations).Span);

    /// <summary>The same JSON as UTF-8 bytes, as the webhook encodes them, without a string between.</summary>
    public static ReadOnlyMemory<byte> ToUtf8(IReadOnlyList<PatchOperation> operations)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
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

        return buffer.WrittenMemory;
    }
}

using System.Text.Json;
using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Defaults;

/// <summary>Serialises a patch as the JSON the API server takes (before base64).</summary>
public static class JsonPatch
{
    [ThreadStatic]
    private static (System.Buffers.ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _scratch;

    public static string ToJson(IReadOnlyList<PatchOperation> operations) => System.Text.Encoding.UTF8.GetString(ToUtf8(operations));

    /// <summary>The same JSON as UTF-8 bytes, as the webhook sends them, without a string between.</summary>
    public static byte[] ToUtf8(IReadOnlyList<PatchOperation> operations)
    {
        // One buffer and writer per thread: a fresh writer asks for 4 KiB to write a patch of a few hundred bytes.
        if (_scratch is not { } scratch)
        {
            var made = new System.Buffers.ArrayBufferWriter<byte>(4096);
            scratch = (made, new Utf8JsonWriter(made));
            _scratch = scratch;
        }

        var (buffer, writer) = scratch;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartArray();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            writer.WriteStartObject();
            writer.WriteString("op", operation.Op);
            writer.WriteString("path", operation.Path);
            writer.WritePropertyName("value");
            NodeJsonWriter.Write(writer, operation.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}

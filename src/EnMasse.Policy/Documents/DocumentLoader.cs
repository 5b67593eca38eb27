using System.Text;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>
/// Turns the bytes of a file into documents: size limit, UTF-8 check, then the JSON or YAML
/// reader by the file's ending. The only place that decides how a file is read.
/// </summary>
public static class DocumentLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="sink">Takes the documents as they are read (<see cref="IDocumentSink"/>); the result then holds only the file's findings.</param>
    public static ReadResult Load(string file, byte[] bytes, DocumentLimits? limits = null, IDocumentSink? sink = null)
    {
        limits ??= DocumentLimits.Default;
        if (bytes.LongLength > limits.MaxFileBytes)
        {
            return TooLarge(file, bytes.LongLength, limits);
        }

        var body = bytes.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            return Fail(file, OffsetPosition(body, e.Index), "the file is not valid UTF-8 text");
        }

        if (IsJson(file))
        {
            return JsonDocumentReader.Read(file, body.ToArray(), limits, sink);
        }

        var unprintable = FirstUnprintable(text);
        return unprintable < 0
            ? YamlDocumentReader.Read(file, text, limits, sink)
            : Fail(file, TextPosition(text, unprintable), $"the character U+{(int)text[unprintable]:X4} is not allowed in YAML (kubectl refuses the file: \"control characters are not allowed\")");
    }

    public static ReadResult LoadText(string file, string text, DocumentLimits? limits = null) =>
        Load(file, Encoding.UTF8.GetBytes(text), limits);

    /// <summary>The finding for a file over the size limit, so a caller can refuse it before reading it.</summary>
    public static ReadResult TooLarge(string file, long length, DocumentLimits? limits = null) =>
        Fail(file, new Position(1, 1), $"the file is {length / (1024 * 1024)} MiB; files over {(limits ?? DocumentLimits.Default).MaxFileBytes / (1024 * 1024)} MiB are not read");

    /// <summary>The finding for a file that is not read at all (a FIFO, a device, a link that leads nowhere or outside).</summary>
    public static ReadResult NotRead(string file, string why) => Fail(file, new Position(1, 1), why);

    public static bool IsJson(string file) => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static ReadResult Fail(string file, Position at, string message) => new(file, [], [Finding.Syntax(file, at, message)]);

    /// <summary>
    /// The first character YAML does not count as printable, or -1. kubectl's YAML decoder
    /// refuses such a file (a NUL byte left at the end by an editor, an escape sequence pasted
    /// from a terminal), so the check refuses it too instead of reading past it.
    /// </summary>
    private static int FirstUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var printable = c is '\t' or '\n' or '\r' or '\u0085'
                || c is >= ' ' and <= '~'
                || c is >= '\u00a0' and <= '\ud7ff'
                || c is >= '\ue000' and <= '\ufffd'
                || char.IsSurrogate(c);
            if (!printable)
            {
                return i;
            }
        }

        return -1;
    }

    private static Position TextPosition(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new Position(line, index - lineStart + 1);
    }

    private static Position OffsetPosition(ReadOnlySpan<byte> body, int offset)
    {
        offset = Math.Clamp(offset, 0, body.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (body[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new Position(line, offset - lineStart + 1);
    }
}

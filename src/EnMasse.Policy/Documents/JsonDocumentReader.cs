using System.Text.Json;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>
/// Reads a JSON file into positioned nodes. Utf8JsonReader gives byte offsets; a cursor that
/// only moves forward turns them into the 1-based line and column a user sees in an editor, so
/// a minified file of one long line costs no more than an indented one.
/// </summary>
public sealed class JsonDocumentReader
{
    private const string ItemsKey = "items";

    private readonly string _file;
    private readonly ReadBudget _budget;
    private readonly IDocumentSink? _sink;
    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;
    private readonly List<RawFinding> _problems = [];
    private (long Offset, int Line, int Column) _cursor = (0, 0, 1);

    private JsonDocumentReader(string file, byte[] utf8, DocumentLimits limits, IDocumentSink? sink)
    {
        _file = file;
        _sink = sink;
        _utf8 = utf8;
        _budget = new ReadBudget(limits, "the document holds more than {0} values");
        _lineStarts = LineStarts(utf8);
    }

    /// <param name="sink">Takes the document (and its List items) as they are read; the result then holds none.</param>
    public static ReadResult Read(string file, byte[] utf8, DocumentLimits? limits = null, IDocumentSink? sink = null) =>
        new JsonDocumentReader(file, utf8, limits ?? DocumentLimits.Default, sink).ReadAll();

    private ReadResult ReadAll()
    {
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
            // One past our own limit so that we, not the reader, report the nesting.
            MaxDepth = _budget.Limits.MaxDepth + 2,
        };
        var reader = new Utf8JsonReader(_utf8, options);
        try
        {
            if (!reader.Read())
            {
                return new ReadResult(_file, [], []);
            }

            var root = ReadValue(ref reader, string.Empty, Position.None, depth: 0);
            if (reader.Read())
            {
                throw new ReadLimitException(At(reader.TokenStartIndex), "unexpected content after the JSON value");
            }

            var document = new SourceDocument(_file, root, _problems);
            if (_sink is null)
            {
                return new ReadResult(_file, [document], []);
            }

            _sink.Add(document);
            return new ReadResult(_file, [], []);
        }
        catch (JsonException e)
        {
            var at = new Position((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
            return new ReadResult(_file, [], [Finding.Syntax(_file, at, "not well-formed JSON: " + FirstSentence(e.Message))]);
        }
        catch (ReadLimitException e)
        {
            return new ReadResult(_file, [], [Finding.Syntax(_file, e.Position, e.Message)]);
        }
    }

    private Node ReadValue(ref Utf8JsonReader reader, string path, Position keyStart, int depth)
    {
        var start = At(reader.TokenStartIndex);
        if (keyStart == Position.None)
        {
            keyStart = start;
        }

        _budget.Count(1, start);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, path, start, keyStart, depth + 1);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, path, start, keyStart, depth + 1);
            case JsonTokenType.String:
                return new ScalarNode(path, start, keyStart, Text(ref reader, start), ScalarType.String);
            case JsonTokenType.Number:
                var raw = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                var isInt = raw.AsSpan().IndexOfAny(".eE") < 0;
                return new ScalarNode(path, start, keyStart, raw, isInt ? ScalarType.Int : ScalarType.Float);
            case JsonTokenType.True:
                return new ScalarNode(path, start, keyStart, "true", ScalarType.Bool);
            case JsonTokenType.False:
                return new ScalarNode(path, start, keyStart, "false", ScalarType.Bool);
            case JsonTokenType.Null:
                return new ScalarNode(path, start, keyStart, "null", ScalarType.Null);
            default:
                throw new ReadLimitException(start, $"unexpected JSON token {reader.TokenType}");
        }
    }

    private MappingNode ReadObject(ref Utf8JsonReader reader, string path, Position start, Position keyStart, int depth)
    {
        _budget.CheckDepth(depth, start);
        var entries = new MappingBuilder(path, _problems);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var keyPosition = At(reader.TokenStartIndex);
            var key = Text(ref reader, keyPosition);
            Next(ref reader);
            var value = _sink is not null && depth == 1 && key == ItemsKey && reader.TokenType == JsonTokenType.StartArray
                ? ReadArray(ref reader, NodePath.Child(path, key), At(reader.TokenStartIndex), keyPosition, depth + 1, _sink)
                : ReadValue(ref reader, NodePath.Child(path, key), keyPosition, depth);
            entries.Add(new NodeEntry(key, keyPosition, value));
        }

        return entries.Build(start, keyStart);
    }

    /// <param name="sink">Offered each item (a document's top-level List items); an item it takes is not kept.</param>
    private SequenceNode ReadArray(ref Utf8JsonReader reader, string path, Position start, Position keyStart, int depth, IDocumentSink? sink = null)
    {
        _budget.CheckDepth(depth, start);
        var items = new List<Node>();
        for (var index = 0; Next(ref reader) != JsonTokenType.EndArray; index++)
        {
            var item = ReadValue(ref reader, NodePath.Index(path, index), Position.None, depth);
            if (sink is null || !sink.TakeItem(new SourceDocument(_file, item, [])))
            {
                items.Add(item);
            }
        }

        return new SequenceNode(path, start, keyStart, items);
    }

    private JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ReadLimitException(At(_utf8.Length), "not well-formed JSON: the document ends early");
        }

        return reader.TokenType;
    }

    /// <summary>A string token's text; an escape that is half a surrogate pair is not text, and a finding.</summary>
    private static string Text(ref Utf8JsonReader reader, Position at)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw new ReadLimitException(at, "not well-formed JSON: a string holds half of a surrogate pair (such as \\ud800 alone), which is not text");
        }
    }

    private Position At(long offset)
    {
        offset = Math.Min(offset, _utf8.Length);
        if (offset < _cursor.Offset)
        {
            // Tokens come in order; only an error may look back, and then from its line's start.
            var index = Array.BinarySearch(_lineStarts, (int)offset);
            var start = index >= 0 ? index : ~index - 1;
            _cursor = (_lineStarts[start], start, 1);
        }

        var (at, line, column) = _cursor;
        for (; at < offset; at++)
        {
            if (_utf8[at] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((_utf8[at] & 0xC0) != 0x80)
            {
                // Count code points, not bytes: continuation bytes do not move the caret.
                column++;
            }
        }

        _cursor = (offset, line, column);
        return new Position(line + 1, column);
    }

    private static int[] LineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Replace('\n', ' ').Trim();
    }
}

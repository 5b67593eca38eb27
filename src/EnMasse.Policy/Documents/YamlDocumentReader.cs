using EnMasse.Policy.Vocabulary;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EnMasse.Policy.Documents;

/// <summary>
/// Reads a YAML stream into nodes that keep their positions. Built on YamlDotNet's event parser
/// rather than its representation model so that limits are enforced while reading, before an
/// alias bomb or a deep nesting can cost anything.
/// </summary>
public sealed class YamlDocumentReader
{
    private const string MergeKey = "<<";

    private const string ItemsKey = "items";

    private readonly string _file;
    private readonly ReadBudget _budget;
    private readonly IDocumentSink? _sink;
    private readonly Dictionary<string, Built> _anchors = new(StringComparer.Ordinal);
    private List<RawFinding> _problems = [];
    private Position _lastSeen = new(1, 1);

    private YamlDocumentReader(string file, DocumentLimits limits, IDocumentSink? sink)
    {
        _file = file;
        _sink = sink;
        _budget = new ReadBudget(limits, "the document expands to more than {0} values (too many aliases?)");
    }

    /// <param name="sink">Takes the documents (and List items) as they are read; the result then holds none.</param>
    public static ReadResult Read(string file, string text, DocumentLimits? limits = null, IDocumentSink? sink = null) =>
        new YamlDocumentReader(file, limits ?? DocumentLimits.Default, sink).ReadAll(new StringReader(text), () => text);

    private ReadResult ReadAll(TextReader input, Func<string> text)
    {
        var documents = new List<SourceDocument>();
        var fileFindings = new List<Finding>();
        var parser = new Parser(input);
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var documentStart))
            {
                if (documents.Count >= _budget.Limits.MaxDocuments)
                {
                    throw new ReadLimitException(ToPosition(documentStart.Start), $"the file holds more than {_budget.Limits.MaxDocuments} documents");
                }

                _anchors.Clear();
                _problems = [];
                _budget.Reset();
                var root = ReadNode(parser, string.Empty, Position.None, depth: 0);
                parser.Consume<DocumentEnd>();
                var document = new SourceDocument(_file, root.Node, _problems);
                if (_sink is null)
                {
                    documents.Add(document);
                }
                else
                {
                    _sink.Add(document);
                }
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            var at = ToPosition(e.Start);
            // YamlDotNet may place a tab error at the enclosing mapping's start, before the tab itself.
            var searchTo = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? int.MaxValue : at.Line + 1;
            fileFindings.Add(TabIndent(text(), searchTo) is { } tab
                ? Finding.Syntax(_file, tab, $"a tab indents this line, and YAML indents with spaces only: replace the tab with spaces ({CleanMessage(e)} at line {at.Line})")
                : Finding.Syntax(_file, at, CleanMessage(e)));
        }
        catch (ReadLimitException e)
        {
            fileFindings.Add(Finding.Syntax(_file, e.Position, e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // YamlDotNet's scanner throws these on some malformed input instead of a YamlException.
            fileFindings.Add(Finding.Syntax(_file, _lastSeen, "not well-formed YAML: the parser stopped after this point"));
        }

        return new ReadResult(_file, documents, fileFindings);
    }

    private Built ReadNode(IParser parser, string path, Position keyStart, int depth)
    {
        var current = parser.Current ?? throw new ReadLimitException(Position.None, "unexpected end of the YAML stream");
        var start = ToPosition(current.Start);
        _lastSeen = start;
        if (keyStart == Position.None)
        {
            keyStart = start;
        }

        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new ReadLimitException(start, $"alias *{alias.Value.Value} refers to no anchor defined before it");
                }

                _budget.Count(target.Size, start);
                return target;

            case Scalar scalar:
                parser.MoveNext();
                _budget.Count(1, start);
                return Remember(scalar.Anchor, new Built(new ScalarNode(path, start, keyStart, scalar.Value, Resolve(scalar)), 1));

            case SequenceStart sequenceStart:
                return ReadSequence(parser, sequenceStart, path, start, keyStart, depth + 1);

            case MappingStart mappingStart:
                return ReadMapping(parser, mappingStart, path, start, keyStart, depth + 1);

            default:
                throw new ReadLimitException(start, $"unexpected YAML event {current.GetType().Name}");
        }
    }

    /// <param name="sink">Offered each item (a document's top-level List items); an item it takes is not kept.</param>
    private Built ReadSequence(IParser parser, SequenceStart sequenceStart, string path, Position start, Position keyStart, int depth, IDocumentSink? sink = null)
    {
        _budget.CheckDepth(depth, start);
        parser.MoveNext();
        _budget.Count(1, start);
        var items = new List<Node>();
        long size = 1;
        for (var index = 0; !parser.TryConsume<SequenceEnd>(out _); index++)
        {
            var item = ReadNode(parser, NodePath.Index(path, index), Position.None, depth);
            size += item.Size;
            if (sink is null || !sink.TakeItem(new SourceDocument(_file, item.Node, [])))
            {
                items.Add(item.Node);
            }
        }

        return Remember(sequenceStart.Anchor, new Built(new SequenceNode(path, start, keyStart, items), size));
    }

    private Built ReadMapping(IParser parser, MappingStart mappingStart, string path, Position start, Position keyStart, int depth)
    {
        _budget.CheckDepth(depth, start);
        parser.MoveNext();
        _budget.Count(1, start);
        var entries = new MappingBuilder(path, _problems);
        var merged = new List<NodeEntry>();
        var mergedKeys = new HashSet<string>(StringComparer.Ordinal);
        long size = 1;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current;
            var keyPosition = ToPosition(keyEvent!.Start);
            if (keyEvent is not Scalar keyScalar)
            {
                throw new ReadLimitException(keyPosition, "a mapping key must be a plain value, not a list or mapping");
            }

            parser.MoveNext();
            var key = keyScalar.Value;
            if (key == MergeKey && keyScalar.Style == ScalarStyle.Plain)
            {
                var source = ReadNode(parser, path, keyPosition, depth);
                size += source.Size;
                CollectMerge(source.Node, merged, mergedKeys, keyPosition);
                continue;
            }

            var value = _sink is not null && depth == 1 && key == ItemsKey && parser.Current is SequenceStart items
                ? ReadSequence(parser, items, NodePath.Child(path, key), ToPosition(items.Start), keyPosition, depth + 1, _sink)
                : ReadNode(parser, NodePath.Child(path, key), keyPosition, depth);
            size += value.Size;
            entries.Add(new NodeEntry(key, keyPosition, value.Node));
        }

        // Merge keys (<<) add only what the mapping does not say itself, as YAML 1.1 defines.
        foreach (var entry in merged)
        {
            entries.AddIfAbsent(entry);
        }

        return Remember(mappingStart.Anchor, new Built(entries.Build(start, keyStart), size));
    }

    /// <summary>The entries a merge key brings in; of several sources the first to name a key wins.</summary>
    private static void CollectMerge(Node source, List<NodeEntry> merged, HashSet<string> mergedKeys, Position at)
    {
        switch (source)
        {
            case MappingNode mapping:
                merged.AddRange(mapping.Entries.Where(e => mergedKeys.Add(e.Key)));
                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is not MappingNode itemMapping)
                    {
                        throw new ReadLimitException(at, "a merge key (<<) takes a mapping or a list of mappings");
                    }

                    CollectMerge(itemMapping, merged, mergedKeys, at);
                }

                break;
            default:
                throw new ReadLimitException(at, "a merge key (<<) takes a mapping or a list of mappings");
        }
    }

    private Built Remember(AnchorName anchor, Built built)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = built;
        }

        return built;
    }

    private static ScalarType Resolve(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return ScalarResolver.ResolveTag(scalar.Tag.Value) ?? ScalarType.String;
        }

        return scalar.Style == ScalarStyle.Plain ? ScalarResolver.ResolvePlain(scalar.Value) : ScalarType.String;
    }

    private static Position ToPosition(Mark mark) => new((int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    /// <summary>
    /// The first tab in the indentation of a line up to <paramref name="lastLine"/>: YamlDotNet
    /// reports a tab late and at the wrong place ("did not find expected key" on the next line),
    /// while the tab is almost always the cause.
    /// </summary>
    private static Position? TabIndent(string text, int lastLine)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length && line <= lastLine; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\t' && text.AsSpan(lineStart, i - lineStart).IsWhiteSpace())
            {
                return new Position(line, i - lineStart + 1);
            }
        }

        return null;
    }

    private static string CleanMessage(YamlException e)
    {
        // YamlDotNet prefixes "(Line: .., Col: .., Idx: ..) - (...): "; the finding carries the position itself.
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut > 0)
        {
            message = message[(cut + 3)..];
        }

        message = message.Replace('\n', ' ').Replace('\r', ' ').Trim();
        return "not well-formed YAML: " + (message.Length == 0 ? "parse error" : message);
    }

    private readonly record struct Built(Node Node, long Size);
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EnMasse.Cli.Editing;

/// <summary>A node of the text as written: where it starts and ends, and whether it is in flow style ({...}, [...]).</summary>
internal abstract record SourceNode(Mark Start, Mark End)
{
    /// <summary>Where the last text of this node ends: a block collection's own end mark lies after trailing comments, so it is taken from its last child.</summary>
    public virtual Mark ContentEnd => End;
}

internal sealed record SourceScalar(Mark Start, Mark End, string Value) : SourceNode(Start, End);

/// <summary>An alias (*name): its target is shared, so nothing is inserted below it.</summary>
internal sealed record SourceAlias(Mark Start, Mark End) : SourceNode(Start, End);

internal sealed record SourceEntry(string Key, Mark KeyStart, SourceNode Value);

/// <param name="Close">Where the closing brace of a flow mapping stands.</param>
internal sealed record SourceMapping(Mark Start, Mark End, Mark Close, bool Flow, IReadOnlyList<SourceEntry> Entries) : SourceNode(Start, End)
{
    public override Mark ContentEnd => Flow || Entries.Count == 0 ? End : Entries[^1].Value.ContentEnd;

    public SourceNode? Get(string key) => Entries.LastOrDefault(e => e.Key == key)?.Value;
}

internal sealed record SourceSequence(Mark Start, Mark End, bool Flow, IReadOnlyList<SourceNode> Items) : SourceNode(Start, End)
{
    public override Mark ContentEnd => Flow || Items.Count == 0 ? End : Items[^1].ContentEnd;
}

/// <summary>
/// The documents of a YAML (or JSON) text as YamlDotNet's parser marks them, kept only for
/// editing: the engine's reader already judged the file, so this one needs no limits beyond
/// what that reader allowed through.
/// </summary>
internal static class SourceTree
{
    public static IReadOnlyList<SourceNode> Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        var documents = new List<SourceNode>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            documents.Add(Read(parser));
            parser.Consume<DocumentEnd>();
        }

        return documents;
    }

    /// <summary>Every mapping of the texts' documents, by where it starts (line, column), to find an object the engine read.</summary>
    public static IEnumerable<SourceMapping> Mappings(SourceNode node)
    {
        switch (node)
        {
            case SourceMapping mapping:
                yield return mapping;
                foreach (var child in mapping.Entries.SelectMany(e => Mappings(e.Value)))
                {
                    yield return child;
                }

                break;
            case SourceSequence sequence:
                foreach (var child in sequence.Items.SelectMany(Mappings))
                {
                    yield return child;
                }

                break;
        }
    }

    private static SourceNode Read(IParser parser)
    {
        var current = parser.Current!;
        switch (current)
        {
            case AnchorAlias:
                parser.MoveNext();
                return new SourceAlias(current.Start, current.End);
            case Scalar scalar:
                parser.MoveNext();
                return new SourceScalar(current.Start, current.End, scalar.Value);
            case SequenceStart start:
            {
                parser.MoveNext();
                var items = new List<SourceNode>();
                while (parser.Current is not SequenceEnd)
                {
                    items.Add(Read(parser));
                }

                var end = parser.Current.End;
                parser.MoveNext();
                return new SourceSequence(start.Start, end, start.Style == SequenceStyle.Flow, items);
            }

            case MappingStart start:
            {
                parser.MoveNext();
                var entries = new List<SourceEntry>();
                while (parser.Current is not MappingEnd)
                {
                    var keyStart = parser.Current!.Start;
                    var key = Read(parser);
                    var value = Read(parser);
                    entries.Add(new SourceEntry(key is SourceScalar s ? s.Value : string.Empty, keyStart, value));
                }

                var close = parser.Current.Start;
                var end = parser.Current.End;
                parser.MoveNext();
                return new SourceMapping(start.Start, end, close, start.Style == MappingStyle.Flow, entries);
            }

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }
}

using YamlDotNet.Core;

namespace EnMasse.Cli.Editing;

/// <summary>
/// Writes defaults into a file's text without touching anything else: comments, quoting, key
/// order, flow or block style, CRLF and the rest of a multi-document file or List stay as they
/// were. A key goes after the last entry of its mapping, at that mapping's indentation; inside
/// braces for a flow mapping; as JSON in a JSON file.
/// </summary>
internal static class DefaultsEditor
{
    public static (IReadOnlyList<TextInsertion> Insertions, IReadOnlyList<string> Problems) Plan(string text, bool json, IReadOnlyList<ObjectEdit> edits)
    {
        var insertions = new List<TextInsertion>();
        var problems = new List<string>();
        if (edits.All(e => e.Additions.Count == 0))
        {
            return (insertions, problems);
        }

        IReadOnlyList<SourceNode> documents;
        try
        {
            documents = SourceTree.Parse(text);
        }
        catch (YamlException e)
        {
            return (insertions, [$"the file does not parse for editing ({e.Message})"]);
        }

        var objects = documents.SelectMany(SourceTree.Mappings).GroupBy(m => (m.Start.Line, m.Start.Column)).ToDictionary(g => g.Key, g => g.First());
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        foreach (var edit in edits)
        {
            if (!objects.TryGetValue((edit.Start.Line, edit.Start.Column), out var target))
            {
                problems.Add($"line {edit.Start.Line}: the object was not found in the text");
                continue;
            }

            var writer = new YamlText(newline, IndentStep(target), IndentsSequences(documents));
            foreach (var addition in edit.Additions)
            {
                var (insertion, problem) = Insert(text, target, addition, writer, json, newline);
                if (insertion is not null)
                {
                    insertions.Add(insertion);
                }
                else
                {
                    problems.Add($"line {target.Start.Line}: {problem}");
                }
            }
        }

        return (insertions, problems);
    }

    /// <summary>The text with the insertions made, in order of index (equal indexes keep their order).</summary>
    public static string Apply(string text, IReadOnlyList<TextInsertion> insertions)
    {
        var builder = new System.Text.StringBuilder(text.Length + insertions.Sum(i => i.Text.Length));
        var at = 0;
        foreach (var insertion in insertions.OrderBy(i => i.Index))
        {
            builder.Append(text, at, insertion.Index - at).Append(insertion.Text);
            at = insertion.Index;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static (TextInsertion? Insertion, string? Problem) Insert(string text, SourceMapping root, Addition addition, YamlText writer, bool json, string newline)
    {
        SourceNode node = root;
        foreach (var segment in addition.Segments.Take(addition.Segments.Count - 1))
        {
            node = node switch
            {
                SourceMapping mapping when mapping.Get(segment) is { } child => child,
                SourceSequence sequence when int.TryParse(segment, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sequence.Items.Count => sequence.Items[i],
                SourceAlias => node,
                _ => null!,
            };
            if (node is null or SourceAlias)
            {
                return (null, $"{string.Join('.', addition.Segments)} goes below {(node is SourceAlias ? "an alias, which other places share" : "a place the text does not hold")}; add it by hand");
            }
        }

        var key = addition.Segments[^1];
        if (node is not SourceMapping parent)
        {
            return (null, $"{string.Join('.', addition.Segments)} goes below a value that is not a mapping; add it by hand");
        }

        if (parent.Flow || json)
        {
            var entry = YamlText.FlowEntry(key, addition.Value, json);
            return parent.Entries.Count == 0
                ? (new TextInsertion((int)parent.Close.Index, entry), null)
                : (new TextInsertion((int)parent.Entries[^1].Value.ContentEnd.Index, ", " + entry), null);
        }

        var indent = (int)parent.Entries[0].KeyStart.Column - 1;
        var end = (int)parent.ContentEnd.Index;
        var lineBreak = text.IndexOf('\n', end);
        var atLineStart = end > 0 && text[end - 1] == '\n';
        var index = atLineStart ? end : lineBreak >= 0 ? lineBreak + 1 : text.Length;
        var prefix = !atLineStart && lineBreak < 0 ? newline : string.Empty;
        return (new TextInsertion(index, prefix + writer.BlockEntry(key, addition.Value, indent)), null);
    }

    /// <summary>How far a nested block mapping is indented in this object (2 unless it says otherwise).</summary>
    private static int IndentStep(SourceMapping root)
    {
        foreach (var entry in root.Entries)
        {
            if (entry.Value is SourceMapping { Flow: false, Entries.Count: > 0 } child)
            {
                var step = (int)(child.Entries[0].KeyStart.Column - entry.KeyStart.Column);
                if (step > 0)
                {
                    return step;
                }
            }
        }

        return 2;
    }

    /// <summary>Whether the file indents a block list below its key ("key:\n  - a") or not ("key:\n- a", kubectl's style).</summary>
    private static bool IndentsSequences(IReadOnlyList<SourceNode> documents)
    {
        foreach (var mapping in documents.SelectMany(SourceTree.Mappings).Where(m => !m.Flow))
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Value is SourceSequence { Flow: false, Items.Count: > 0 } sequence)
                {
                    return sequence.Start.Column > entry.KeyStart.Column;
                }
            }
        }

        return true;
    }
}

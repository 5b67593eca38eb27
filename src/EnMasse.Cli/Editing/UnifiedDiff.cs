using System.Text;

namespace EnMasse.Cli.Editing;

/// <summary>
/// A unified diff of a text and the same text with insertions, built from the insertions
/// themselves (so it is linear and exact, and applies with git apply or patch -p1). A line
/// that an insertion splits is shown removed and added; lines that hold a secret are never
/// shown as context: the context stops before them.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    private enum Kind
    {
        Same,
        Removed,
        Added,
    }

    private sealed record Op(Kind Kind, string Line, int OldLine);

    /// <param name="isSecret">True for an original line that must not be shown unchanged.</param>
    public static string Format(string name, string original, IReadOnlyList<TextInsertion> insertions, Func<string, bool> isSecret)
    {
        if (insertions.Count == 0)
        {
            return string.Empty;
        }

        var ops = Operations(original, insertions);
        var text = new StringBuilder().Append("--- a/").Append(name).Append('\n').Append("+++ b/").Append(name).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == Kind.Same)
            {
                i++;
                continue;
            }

            // The change run [first, last] grows while the next change is near enough to share context.
            var first = i;
            var last = i;
            while (true)
            {
                var next = last + 1;
                while (next < ops.Count && ops[next].Kind != Kind.Same)
                {
                    last = next++;
                }

                var following = ops.FindIndex(next, o => o.Kind != Kind.Same);
                if (following < 0 || following - next > 2 * Context || Enumerable.Range(next, following - next).Any(k => isSecret(ops[k].Line)))
                {
                    break;
                }

                last = following;
            }

            var start = first;
            while (start > 0 && first - start < Context && ops[start - 1].Kind == Kind.Same && !isSecret(ops[start - 1].Line))
            {
                start--;
            }

            var end = last + 1;
            while (end < ops.Count && end - last - 1 < Context && ops[end].Kind == Kind.Same && !isSecret(ops[end].Line))
            {
                end++;
            }

            var hunk = ops.GetRange(start, end - start);
            var oldCount = hunk.Count(o => o.Kind != Kind.Added);
            var newCount = hunk.Count(o => o.Kind != Kind.Removed);
            var oldStart = hunk.FirstOrDefault(o => o.Kind != Kind.Added)?.OldLine ?? OldLineBefore(ops, start);
            var newStart = ops.Take(start).Count(o => o.Kind != Kind.Removed) + 1;
            text.Append($"@@ -{(oldCount == 0 ? oldStart - 1 : oldStart)},{oldCount} +{(newCount == 0 ? newStart - 1 : newStart)},{newCount} @@\n");
            foreach (var op in hunk)
            {
                text.Append(op.Kind switch { Kind.Removed => '-', Kind.Added => '+', _ => ' ' });
                if (op.Line.EndsWith('\n'))
                {
                    text.Append(op.Line);
                }
                else
                {
                    text.Append(op.Line).Append("\n\\ No newline at end of file\n");
                }
            }

            i = end;
        }

        return text.ToString();
    }

    private static int OldLineBefore(List<Op> ops, int index) =>
        ops.Take(index).LastOrDefault(o => o.Kind != Kind.Added)?.OldLine + 1 ?? 1;

    /// <summary>The lines of both sides, each with its own line ending (a last line may have none).</summary>
    private static List<Op> Operations(string original, IReadOnlyList<TextInsertion> insertions)
    {
        var pending = new Queue<TextInsertion>(insertions.OrderBy(i => i.Index));
        var ops = new List<Op>();
        var lineNumber = 0;
        for (var start = 0; start < original.Length;)
        {
            var lineEnd = original.IndexOf('\n', start);
            var end = lineEnd < 0 ? original.Length : lineEnd + 1;
            var line = original[start..end];
            lineNumber++;

            // Whole lines added before this one.
            while (pending.TryPeek(out var next) && next.Index == start && next.Text.EndsWith('\n'))
            {
                ops.AddRange(Lines(pending.Dequeue().Text).Select(l => new Op(Kind.Added, l, lineNumber)));
            }

            // Text added inside this line, or after a last line that has no line ending.
            var inLine = new List<TextInsertion>();
            while (pending.TryPeek(out var next) && (next.Index < end || (next.Index == end && !line.EndsWith('\n'))))
            {
                inLine.Add(pending.Dequeue() with { Index = next.Index - start });
            }

            if (inLine.Count == 0)
            {
                ops.Add(new Op(Kind.Same, line, lineNumber));
            }
            else
            {
                ops.Add(new Op(Kind.Removed, line, lineNumber));
                ops.AddRange(Lines(DefaultsEditor.Apply(line, inLine)).Select(l => new Op(Kind.Added, l, lineNumber)));
            }

            start = end;
        }

        // Lines added after the last line (which ended with a line break) or into an empty file.
        ops.AddRange(pending.SelectMany(p => Lines(p.Text)).Select(l => new Op(Kind.Added, l, lineNumber + 1)));
        return ops;
    }

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                yield return text[start..];
                yield break;
            }

            yield return text[start..(end + 1)];
            start = end + 1;
        }
    }
}

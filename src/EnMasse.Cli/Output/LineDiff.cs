using System.Text;

namespace EnMasse.Cli.Output;

/// <summary>A unified diff of two texts by lines (longest common subsequence), with three lines of context.</summary>
internal static class LineDiff
{
    private const int Context = 3;

    public static string Unified(string before, string after, string name)
    {
        var a = Lines(before);
        var b = Lines(after);
        var ops = Operations(a, b);
        if (ops.All(o => o.Kind == ' '))
        {
            return string.Empty;
        }

        var text = new StringBuilder().Append("--- a/").Append(name).Append('\n').Append("+++ b/").Append(name).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < ops.Count)
            {
                var nextChange = ops.FindIndex(end, o => o.Kind != ' ');
                if (nextChange < 0 || nextChange - end > 2 * Context)
                {
                    break;
                }

                end = ops.FindIndex(nextChange, o => o.Kind == ' ');
                if (end < 0)
                {
                    end = ops.Count;
                }
            }

            end = Math.Min(ops.Count, end + Context);
            var hunk = ops.GetRange(start, end - start);
            var aStart = ops.Take(start).Count(o => o.Kind != '+') + 1;
            var bStart = ops.Take(start).Count(o => o.Kind != '-') + 1;
            text.Append($"@@ -{aStart},{hunk.Count(o => o.Kind != '+')} +{bStart},{hunk.Count(o => o.Kind != '-')} @@\n");
            foreach (var op in hunk)
            {
                text.Append(op.Kind).Append(op.Line).Append('\n');
            }

            i = end;
        }

        return text.ToString();
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private static List<(char Kind, string Line)> Operations(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                ops.Add((' ', a[x++]));
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                ops.Add(('-', a[x++]));
            }
            else
            {
                ops.Add(('+', b[y++]));
            }
        }

        while (x < a.Length) ops.Add(('-', a[x++]));
        while (y < b.Length) ops.Add(('+', b[y++]));
        return ops;
    }
}

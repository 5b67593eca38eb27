using System.Globalization;
using System.Text;

namespace EnMasse.Policy.Vocabulary;

/// <summary>
/// Makes user text safe to show: in a finding, a denial, a log line or a terminal. Characters
/// that move the cursor, end a line, drive a terminal or reorder text (C0 and C1 controls, DEL,
/// line and paragraph separators, bidirectional overrides, lone surrogates, non-characters) are
/// written as escapes such as <c>\n</c> or <c>\u001b</c>, and long text is cut with a visible
/// marker. Every pass is linear and gives the same result when run again on its own output.
/// </summary>
public static class ShownText
{
    /// <summary>Longest value shown whole inside a message: a Kubernetes name has at most 253 characters.</summary>
    public const int MaxQuoted = 256;

    /// <summary>Longest message; the catalogue of published plans fits many times over.</summary>
    public const int MaxMessage = 4000;

    /// <summary>Longest name, namespace, path or file name shown.</summary>
    public const int MaxName = 512;

    /// <summary>The text escaped and cut to <paramref name="max"/> characters plus a marker.</summary>
    public static string Value(string? text, int max = MaxQuoted)
    {
        if (text is null)
        {
            return string.Empty;
        }

        return Cut(NeedsEscape(text) ? Escape(text) : text, max);
    }

    /// <summary>
    /// A message as rules write it: values stand between double quotes. Each quoted run longer
    /// than <see cref="MaxQuoted"/> is cut inside its quotes, then the whole is escaped and cut to
    /// <see cref="MaxMessage"/>, so a hint after a huge value survives.
    /// </summary>
    public static string Message(string text)
    {
        // Most messages have nothing to escape or cut: they come back as they are, without a copy.
        if ((text.Length <= MaxQuoted || (text.Length <= MaxMessage && QuotedRunsFit(text))) && !NeedsEscape(text))
        {
            return text;
        }

        var result = new StringBuilder(Math.Min(text.Length, MaxMessage + 64));
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('"', i);
            if (open < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            var close = text.IndexOf('"', open + 1);
            if (close < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, open + 1 - i);
            var quoted = close - open - 1;
            if (quoted > MaxQuoted)
            {
                AppendCut(result, text.AsSpan(open + 1, quoted), MaxQuoted);
            }
            else
            {
                result.Append(text, open + 1, quoted);
            }

            result.Append('"');
            i = close + 1;
            if (result.Length > 4 * MaxMessage)
            {
                break;
            }
        }

        return Value(result.ToString(), MaxMessage);
    }

    /// <summary>Whether every quoted run, paired as <see cref="Message"/> pairs quotes, is at most <see cref="MaxQuoted"/> long.</summary>
    private static bool QuotedRunsFit(string text)
    {
        var i = 0;
        while (text.IndexOf('"', i) is var open and >= 0 && text.IndexOf('"', open + 1) is var close and >= 0)
        {
            if (close - open - 1 > MaxQuoted)
            {
                return false;
            }

            i = close + 1;
        }

        return true;
    }

    /// <summary>Whether any character of the text would be escaped.</summary>
    public static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!IsUnsafe(c))
            {
                result.Append(c);
                continue;
            }

            switch (c)
            {
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                default: result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }

        return result.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f'
        || c is '\u2028' or '\u2029' or '\u061c' or '\u200e' or '\u200f' or '\ufffe' or '\uffff'
        || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069'
        || char.IsSurrogate(c);

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var result = new StringBuilder(max + 32);
        AppendCut(result, text, max);
        return result.ToString();
    }

    /// <summary>The first characters of the text, never half a surrogate pair, and "…(+N characters)".</summary>
    private static void AppendCut(StringBuilder result, ReadOnlySpan<char> text, int max)
    {
        var keep = Math.Max(0, max - 24);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        result.Append(text[..keep]).Append("…(+").Append((text.Length - keep).ToString(CultureInfo.InvariantCulture)).Append(" characters)");
    }
}

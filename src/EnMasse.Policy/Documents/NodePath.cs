namespace EnMasse.Policy.Documents;

/// <summary>Builds field paths in the form users read them: <c>spec.endpoints[0].cert.provider</c>.</summary>
public static class NodePath
{
    public static string Child(string parent, string key)
    {
        if (IsPlain(key))
        {
            return parent.Length == 0 ? key : string.Concat(parent, ".", key);
        }

        return string.Concat(parent, "[\"", key.Replace("\"", "\\\"", StringComparison.Ordinal), "\"]");
    }

    public static string Index(string parent, int index) => string.Concat(parent, "[", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "]");

    /// <summary>The RFC 6901 pointer for a list of segments, with <c>~</c> and <c>/</c> escaped.</summary>
    public static string Pointer(IEnumerable<string> segments)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return builder.ToString();
    }

    private static bool IsPlain(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}

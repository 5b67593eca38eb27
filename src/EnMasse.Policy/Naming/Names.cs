using System.Text.RegularExpressions;

namespace EnMasse.Policy.Naming;

/// <summary>Kubernetes name formats and the small text checks the rules share.</summary>
public static partial class Names
{
    /// <summary>DNS-1123 label: lowercase letters, digits and '-', starting and ending alphanumeric, at most 63.</summary>
    public static bool IsDnsLabel(string value) => value.Length is > 0 and <= 63 && DnsLabel().IsMatch(value);

    /// <summary>DNS-1123 subdomain: dot-separated labels, at most 253.</summary>
    public static bool IsDnsSubdomain(string value) => value.Length is > 0 and <= 253 && DnsSubdomain().IsMatch(value);

    /// <summary>Letters and digits only, as EnMasse names connectors, their address rules and forwarders ([a-zA-Z0-9]+).</summary>
    public static bool IsAlphanumeric(string value) => Alphanumeric().IsMatch(value);

    /// <summary>"a, b, c", or "(none)" so a message never ends in an empty list.</summary>
    public static string List(IEnumerable<string> items)
    {
        var joined = string.Join(", ", items);
        return joined.Length == 0 ? "(none)" : joined;
    }

    /// <summary>
    /// Like <see cref="List"/>, but names at most <paramref name="most"/> and says when there are
    /// more, so a message stays short and costs the same however many there are: the items are
    /// read lazily and no further than one past the limit.
    /// </summary>
    public static string ListSome(IEnumerable<string> items, int most = 20)
    {
        var shown = items.Take(most + 1).ToList();
        return shown.Count <= most ? List(shown) : $"{List(shown.Take(most))} and more";
    }

    /// <summary>"; did you mean "x"?" or nothing.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        NearestName.Find(input, candidates) is { } nearest && nearest != input ? $"; did you mean \"{nearest}\"?" : string.Empty;

    /// <summary>
    /// Glob with '*' for any run of characters (none included); everything else literal. No
    /// regular expression: the cost is at most pattern times value, whatever either holds, so a
    /// tenant's value can never make a policy's glob slow.
    /// </summary>
    public static bool GlobMatches(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && pattern[p] == value[v])
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                // The last * takes one more character; earlier stars never need to be revisited.
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>
    /// True when every value <paramref name="inner"/> matches, <paramref name="outer"/> matches too.
    /// Read as a value, inner's stars can only be taken by outer's (no literal is a star), which
    /// is exactly inclusion for globs whose only wildcard is '*'.
    /// </summary>
    public static bool GlobCovers(string outer, string inner) => GlobMatches(outer, inner);

    /// <summary>
    /// True when some DNS-1123 label (a namespace name) matches the glob. Its shortest match, each
    /// '*' left empty unless a '-' would then begin or end the name, is a label exactly when any
    /// match is: the literals fix the characters, and a longer match is only longer.
    /// </summary>
    public static bool GlobCanMatchDnsLabel(string glob)
    {
        var literal = glob.Trim('*');
        if (literal.Length == 0)
        {
            return glob.Length > 0;
        }

        var shortest = (glob[0] == '*' && literal[0] == '-' ? "a" : string.Empty)
            + literal.Replace("*", string.Empty, StringComparison.Ordinal)
            + (glob[^1] == '*' && literal[^1] == '-' ? "a" : string.Empty);
        return IsDnsLabel(shortest);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Alphanumeric();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}

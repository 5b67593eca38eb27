using EnMasse.Policy.Catalog;

namespace EnMasse.Policy.Rules.Users;

/// <summary>
/// Address patterns of authorization entries, as EnMasse documents them per space type: a
/// standard space takes a literal, optionally ending in one '*' (a prefix); a brokered space
/// takes words separated by '/', where a whole word '+' matches one word and '*' (or '#') any
/// number of words (the broker plugin maps '*' to the broker's '#').
/// </summary>
internal static class AddressPattern
{
    /// <summary>Why EnMasse's documented grammar of either space type cannot read the pattern, or null.</summary>
    public static string? Problem(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "is empty; name an address or a prefix ending in *";
        }

        return IsStandard(pattern) || IsBrokered(pattern)
            ? null
            : "uses a wildcard inside a word; '*' is a trailing wildcard in standard spaces (orders*), and '+' or '*' a whole word after '/' in brokered spaces (orders/+, orders/*)";
    }

    /// <summary>True when the pattern may match the address in a space of that type (either type's reading when the type is unknown).</summary>
    public static bool Matches(string pattern, string address, string? spaceType) => spaceType switch
    {
        "standard" => MatchesStandard(pattern, address),
        "brokered" => MatchesBrokered(pattern, address),
        _ => MatchesStandard(pattern, address) || MatchesBrokered(pattern, address),
    };

    /// <summary>Most addresses one lookup reads before it gives the pattern the benefit of the doubt.</summary>
    private const int MaxCandidates = 10_000;

    /// <summary>
    /// True when the pattern may match an address of the space. A pattern without wildcards is
    /// one lookup; otherwise only the addresses that start with its literal part are read (every
    /// address a pattern can match starts with the text before its first wildcard, less a
    /// trailing '/' since '*' and '#' match zero words), at most <see cref="MaxCandidates"/> of
    /// them: a review costs the same however many addresses the space holds, and a pattern too
    /// broad to check within that is taken to match.
    /// </summary>
    public static bool MatchesAny(ICatalog catalog, string @namespace, string space, string pattern, string? spaceType)
    {
        var wildcard = pattern.IndexOfAny(Wildcards);
        if (wildcard < 0)
        {
            return catalog.AddressesWith(@namespace, space, pattern).Any();
        }

        var prefix = pattern[..wildcard].TrimEnd('/');
        var read = 0;
        foreach (var address in catalog.AddressValues(@namespace, space, prefix))
        {
            if (Matches(pattern, address, spaceType) || ++read == MaxCandidates)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A grant of every address: never a typo, never worth a warning.</summary>
    public static bool IsEverything(string pattern) => pattern is "*" or "#";

    private static bool IsStandard(string pattern)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        return star < 0 || star == pattern.Length - 1;
    }

    private static bool IsBrokered(string pattern) =>
        pattern.Split('/').All(word => word is "*" or "+" or "#" || (word.Length > 0 && word.IndexOfAny(Wildcards) < 0));

    private static readonly char[] Wildcards = ['*', '+', '#'];

    private static bool MatchesStandard(string pattern, string address) =>
        pattern.EndsWith('*') ? address.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == address;

    private static bool MatchesBrokered(string pattern, string address) =>
        MatchWords(pattern.Split('/'), address.Split('/'));

    /// <summary>Word matching by dynamic programming: O(pattern words × address words), whatever the input.</summary>
    private static bool MatchWords(string[] pattern, string[] words)
    {
        // matched[w]: the first p pattern words match the first w address words.
        var matched = new bool[words.Length + 1];
        matched[0] = true;
        foreach (var word in pattern)
        {
            var next = new bool[words.Length + 1];
            for (var w = 0; w <= words.Length; w++)
            {
                next[w] = word is "*" or "#"
                    ? matched[w] || (w > 0 && next[w - 1])
                    : w > 0 && matched[w - 1] && (word == "+" || word == words[w - 1]);
            }

            matched = next;
        }

        return matched[words.Length];
    }
}

namespace EnMasse.Policy.Naming;

/// <summary>
/// Finds the candidate a user most likely meant, for "did you mean" hints. The work is bounded
/// whatever the input: a candidate whose length alone puts it out of reach is not compared, an
/// input longer than any plausible name is not compared at all, and the comparison keeps three
/// rows of the table, not the whole table.
/// </summary>
public static class NearestName
{
    /// <summary>Longest input compared: a Kubernetes name has at most 253 characters.</summary>
    public const int MaxInputLength = 256;

    /// <summary>The closest candidate within a distance that still reads as a typo, or null.</summary>
    public static string? Find(string input, IEnumerable<string> candidates)
    {
        if (input.Length > MaxInputLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var reach = Reach(input, candidate);
            if (Math.Abs(input.Length - candidate.Length) > reach)
            {
                continue;
            }

            var distance = string.Equals(input, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(input, candidate);
            if (distance <= reach && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>How many edits still read as a typo between these two.</summary>
    private static int Reach(string a, string b) => Math.Max(2, Math.Max(a.Length, b.Length) / 3);

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions ("plna" is one step from "plan").</summary>
    public static int Distance(string a, string b)
    {
        // Rows i-2, i-1 and i of the table; a transposition looks two rows back.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }
}

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

            // Only a distance within reach that ties or beats the best so far can change the answer.
            var distance = string.Equals(input, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(input, candidate, Math.Min(reach, bestDistance));
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
    public static int Distance(string a, string b) => Distance(a, b, Math.Max(a.Length, b.Length));

    /// <summary>
    /// The distance when it is at most <paramref name="limit"/>, otherwise some number above it.
    /// A denial's "did you mean" runs this per request, so it allocates nothing for names of a
    /// plausible length, computes only the band of cells within the limit (a cell i, j is at
    /// least |i - j| edits), and stops once two rows in a row exceed the limit.
    /// </summary>
    internal static int Distance(string a, string b, int limit)
    {
        // A prefix and a suffix the two share exactly cost no edit: plan names differ in the middle.
        var shared = a.AsSpan().CommonPrefixLength(b);
        var sharedEnd = 0;
        while (sharedEnd < a.Length - shared && sharedEnd < b.Length - shared && a[^(sharedEnd + 1)] == b[^(sharedEnd + 1)])
        {
            sharedEnd++;
        }

        return Banded(a.AsSpan(shared, a.Length - shared - sharedEnd), b.AsSpan(shared, b.Length - shared - sharedEnd), limit);
    }

    private static int Banded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        const int OnStack = 256;
        var far = limit + 1;
        var width = b.Length + 1;

        // Rows i-2, i-1 and i of the table; a transposition looks two rows back.
        var rows = width <= OnStack ? stackalloc int[width * 3] : new int[width * 3];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        var lowerB = width <= OnStack ? stackalloc char[b.Length] : new char[b.Length];
        for (var j = 0; j < b.Length; j++)
        {
            lowerB[j] = char.ToLowerInvariant(b[j]);
        }

        before.Fill(far);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = Math.Min(j, far);
        }

        var previousMin = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            // Outside the band a cell is more than the limit; far stands in for every such value.
            current.Fill(far);
            current[0] = Math.Min(i, far);
            var rowMin = current[0];
            var lowerA = char.ToLowerInvariant(a[i - 1]);
            var last = Math.Min(b.Length, i + limit);
            for (var j = Math.Max(1, i - limit); j <= last; j++)
            {
                var cost = lowerA == lowerB[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            // Every later cell builds on one of the last two rows plus at least one edit for the older.
            if (rowMin > limit && previousMin > limit)
            {
                return far;
            }

            previousMin = rowMin;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}

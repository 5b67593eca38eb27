using CsCheck;
using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Tests.Naming;

/// <summary>
/// The banded, early-stopping distance against the whole table computed the plain way: "did you
/// mean" must suggest exactly what it suggested before it was made cheap.
/// </summary>
public sealed class NearestNameProperties
{
    // Few letters, both cases and a separator: near names, transpositions and case-only differences are common.
    private static readonly Gen<string> Name = Gen.Char["abAB-é"].Array[0, 24].Select(chars => new string(chars));

    private static readonly Gen<string> LongName = Gen.Char["ab"].Array[250, 300].Select(chars => new string(chars));

    [Fact]
    public void Within_the_limit_the_distance_is_exact_and_beyond_it_only_says_so()
    {
        Gen.Select(Name, Name, Gen.Int[0, 26]).Sample(AgreesWithTheWholeTable, iter: 20_000);
    }

    [Fact]
    public void Names_sharing_a_prefix_and_a_suffix_get_the_distance_of_the_whole_names()
    {
        var shortName = Gen.Char["abAB-"].Array[0, 5].Select(chars => new string(chars));
        Gen.Select(shortName, Name, Name, shortName, Gen.Int[0, 26]).Sample((prefix, x, y, suffix, limit) => AgreesWithTheWholeTable(prefix + x + suffix, prefix + y + suffix, limit), iter: 20_000);
    }

    [Fact]
    public void Names_longer_than_the_stack_buffers_get_the_same_distance()
    {
        Gen.Select(LongName, LongName).Sample((a, b) => NearestName.Distance(a, b) == WholeTable(a, b), iter: 50);
    }

    [Fact]
    public void The_nearest_name_is_the_one_the_whole_table_picks()
    {
        Gen.Select(Name, Name.Array[0, 6]).Sample((input, candidates) => NearestName.Find(input, candidates) == Nearest(input, candidates), iter: 10_000);
    }

    [Theory]
    [InlineData("plna", "plan", 1)]
    [InlineData("standard-huge-queue", "standard-large-queue", 3)]
    [InlineData("Queue", "queue", 0)]
    [InlineData("", "abc", 3)]
    public void Known_distances(string a, string b, int distance) => Assert.Equal(distance, NearestName.Distance(a, b));

    private static bool AgreesWithTheWholeTable(string a, string b, int limit)
    {
        var expected = WholeTable(a, b);
        var actual = NearestName.Distance(a, b, limit);
        return expected <= limit ? actual == expected : actual > limit;
    }

    /// <summary>What Find chose before it passed a limit: every candidate's full distance.</summary>
    private static string? Nearest(string input, string[] candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var reach = Math.Max(2, Math.Max(input.Length, candidate.Length) / 3);
            var distance = string.Equals(input, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : WholeTable(input, candidate);
            if (distance <= reach && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment over the whole table: cost case-blind, transposition case-exact.</summary>
    private static int WholeTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

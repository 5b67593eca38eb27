using System.Collections.Immutable;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// Objects of one space ordered by a value they carry (spec.address) and then by name: a
/// persistent sorted set, so a prefix lookup and a change each cost O(log n) whatever the size
/// of the space, and a new version shares all but one path with the old one. Exact lookups go
/// to <see cref="NameIndex"/>.
/// </summary>
internal static class ValueIndex
{
    public static readonly ImmutableSortedSet<(string Value, string Name)> Empty =
        ImmutableSortedSet<(string Value, string Name)>.Empty.WithComparer(Comparer<(string Value, string Name)>.Create(Compare));

    /// <summary>The distinct values that start with <paramref name="prefix"/>, in order, from where they begin.</summary>
    public static IEnumerable<string> Values(ImmutableSortedSet<(string Value, string Name)> index, string prefix)
    {
        string? last = null;
        for (var i = First(index, prefix); i < index.Count && index[i].Value.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (index[i].Value != last)
            {
                yield return last = index[i].Value;
            }
        }
    }

    /// <summary>The position of the first entry whose value is at or after <paramref name="value"/>. Names are never empty, so ("value", "") sorts before every entry of that value.</summary>
    private static int First(ImmutableSortedSet<(string Value, string Name)> index, string value)
    {
        var at = index.IndexOf((value, string.Empty));
        return at >= 0 ? at : ~at;
    }

    private static int Compare((string Value, string Name) a, (string Value, string Name) b)
    {
        var byValue = string.CompareOrdinal(a.Value, b.Value);
        return byValue != 0 ? byValue : string.CompareOrdinal(a.Name, b.Name);
    }
}

using System.Collections.Immutable;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// The names of a space's objects by a value they carry (spec.address, spec.username), for
/// exact lookups: a hash map, so the lookup a review makes for every object costs the same in
/// a space of 100,000 as in an empty one. <see cref="ValueIndex"/> keeps the sorted order
/// that prefix lookups need.
/// </summary>
internal static class NameIndex
{
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> Empty =
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);

    public static ImmutableArray<string> NamesWith(ImmutableDictionary<string, ImmutableArray<string>> index, string value) =>
        index.TryGetValue(value, out var names) ? names : [];

    public static void Add(ImmutableDictionary<string, ImmutableArray<string>>.Builder index, string value, string name) =>
        index[value] = index.TryGetValue(value, out var names) ? names.Add(name) : [name];

    public static void Remove(ImmutableDictionary<string, ImmutableArray<string>>.Builder index, string value, string name)
    {
        if (!index.TryGetValue(value, out var names))
        {
            return;
        }

        var left = names.Remove(name);
        if (left.IsEmpty)
        {
            index.Remove(value);
        }
        else
        {
            index[value] = left;
        }
    }
}

using System.Collections.Immutable;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// The names of a space's objects by a value they carry (spec.address, spec.username), each
/// value's in ordinal order, for exact lookups: a hash map, so the lookup a review makes for
/// every object costs the same in a space of 100,000 as in an empty one. <see cref="ValueIndex"/> keeps the sorted order
/// that prefix lookups need.
/// </summary>
internal static class NameIndex
{
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> Empty =
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);

    public static ImmutableArray<string> NamesWith(ImmutableDictionary<string, ImmutableArray<string>> index, string value) =>
        index.TryGetValue(value, out var names) ? names : [];

    /// <summary>Files a name under a value, in ordinal order: a message that names one of several names the same one whatever order they came in.</summary>
    public static void Add(ImmutableDictionary<string, ImmutableArray<string>>.Builder index, string value, string name)
    {
        if (!index.TryGetValue(value, out var names))
        {
            index[value] = [name];
            return;
        }

        var at = ImmutableArray.BinarySearch(names, name, StringComparer.Ordinal);
        if (at < 0)
        {
            index[value] = names.Insert(~at, name);
        }
    }

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

using System.Collections.Concurrent;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// One instance of each namespace, space, type and plan name the catalogue holds: 100,000
/// addresses share a few thousand of these, and each parsed copy would cost 40-70 bytes.
/// Bounded: past <see cref="MaxEntries"/> values are kept as they come, never refused.
/// </summary>
internal static class SharedStrings
{
    private const int MaxEntries = 200_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static string? Of(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return Pool.Count < MaxEntries ? Pool.GetOrAdd(value, value) : value;
    }
}

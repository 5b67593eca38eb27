using System.Collections.Frozen;
using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Model;

/// <summary>
/// Typed reads of a node tree. A value of the wrong type reads as absent: the schema check has
/// already reported it, and rules must not report it twice.
/// </summary>
public static class NodeRead
{
    public static Text? String(MappingNode? mapping, string key) =>
        mapping?.Get(key) is ScalarNode { Type: ScalarType.String } scalar ? new Text(scalar.Value, scalar) : null;

    public static MappingNode? Map(MappingNode? mapping, string key) => mapping?.Get(key) as MappingNode;

    public static SequenceNode? List(MappingNode? mapping, string key) => mapping?.Get(key) as SequenceNode;

    public static IReadOnlyList<Text> Strings(SequenceNode? sequence)
    {
        if (sequence is null)
        {
            return [];
        }

        var result = new List<Text>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item is ScalarNode { Type: ScalarType.String } scalar)
            {
                result.Add(new Text(scalar.Value, scalar));
            }
        }

        return result;
    }

    public static IEnumerable<MappingNode> Maps(SequenceNode? sequence) => sequence?.Items.OfType<MappingNode>() ?? [];

    public static int Int(MappingNode? mapping, string key, int fallback = 0) =>
        mapping?.Get(key) is ScalarNode { Type: ScalarType.Int } scalar && int.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    /// <summary>A number (an integer or a float) as a double, or null.</summary>
    public static double? Number(Node? node) =>
        node is ScalarNode { Type: ScalarType.Int or ScalarType.Float } scalar
        && double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : null;

    /// <summary>The numeric entries of a mapping, such as resourceLimits {router: 1.0, broker: 2}.</summary>
    public static FrozenDictionary<string, double> Numbers(MappingNode? mapping) =>
        (mapping?.Entries ?? [])
            .Select(e => (e.Key, Value: Number(e.Value)))
            .Where(e => e.Value is not null)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Value!.Value, StringComparer.Ordinal);

    /// <summary>A list of {name, &lt;value&gt;} pairs read as a mapping, as v1beta1 plans write resources.</summary>
    public static FrozenDictionary<string, double> NamedNumbers(SequenceNode? sequence, string valueKey) =>
        Maps(sequence)
            .Select(m => (Name: String(m, "name")?.Value, Value: Number(m.Get(valueKey))))
            .Where(e => e.Name is not null && e.Value is not null)
            .GroupBy(e => e.Name!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Value!.Value, StringComparer.Ordinal);

    /// <summary>True when the key is present with a non-null value, whatever its type.</summary>
    public static bool Has(MappingNode? mapping, string key) => mapping?.Get(key) is { } node && node is not ScalarNode { IsNull: true };
}

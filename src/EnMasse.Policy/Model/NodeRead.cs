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

    /// <summary>True when the key is present with a non-null value, whatever its type.</summary>
    public static bool Has(MappingNode? mapping, string key) => mapping?.Get(key) is { } node && node is not ScalarNode { IsNull: true };
}

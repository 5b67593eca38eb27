using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Defaults;

/// <summary>Small trees for default values; paths and positions are set when they are added.</summary>
internal static class NodeFactory
{
    public static ScalarNode String(string value) => new(string.Empty, Position.None, Position.None, value, ScalarType.String);

    public static MappingNode Map(params (string Key, Node Value)[] entries) =>
        new(string.Empty, Position.None, Position.None, [.. entries.Select(e => new NodeEntry(e.Key, Position.None, e.Value))]);

    public static SequenceNode List(IEnumerable<Node> items) => new(string.Empty, Position.None, Position.None, [.. items]);
}

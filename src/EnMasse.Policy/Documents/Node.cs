using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>
/// A node of a parsed document. Every node knows its field path and where it stands in the
/// source, so a finding can be placed without a side table.
/// </summary>
public abstract record Node(string Path, Position Start, Position KeyStart)
{
    public virtual string TypeName => "value";
}

/// <summary>The JSON type a scalar resolves to, as kubectl's YAML-to-JSON conversion would resolve it.</summary>
public enum ScalarType
{
    String,
    Int,
    Float,
    Bool,
    Null,
}

/// <summary>A string, number, boolean or null.</summary>
public sealed record ScalarNode(string Path, Position Start, Position KeyStart, string Value, ScalarType Type)
    : Node(Path, Start, KeyStart)
{
    public override string TypeName => Type switch
    {
        ScalarType.String => "string",
        ScalarType.Int => "integer",
        ScalarType.Float => "number",
        ScalarType.Bool => "boolean",
        _ => "null",
    };

    public bool IsNull => Type == ScalarType.Null;

    /// <summary>The value of a boolean scalar (yes, On, TRUE, ... as YAML 1.1 reads them); false for any other scalar.</summary>
    public bool TryGetBoolean(out bool value)
    {
        value = false;
        return Type == ScalarType.Bool && ScalarResolver.TryBoolean(Value, out value);
    }
}

/// <summary>One key and its value in a mapping.</summary>
public sealed record NodeEntry(string Key, Position KeyStart, Node Value);

/// <summary>A mapping with its keys in source order.</summary>
public sealed record MappingNode(string Path, Position Start, Position KeyStart, IReadOnlyList<NodeEntry> Entries)
    : Node(Path, Start, KeyStart)
{
    public override string TypeName => "object";

    /// <summary>Linear on purpose: Kubernetes mappings are small, and this allocates nothing.</summary>
    public Node? Get(string key)
    {
        var entries = Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return entries[i].Value;
            }
        }

        return null;
    }
}

/// <summary>A list.</summary>
public sealed record SequenceNode(string Path, Position Start, Position KeyStart, IReadOnlyList<Node> Items)
    : Node(Path, Start, KeyStart)
{
    public override string TypeName => "array";
}

namespace EnMasse.Policy.Documents;

/// <summary>
/// Whether two trees hold the same value, as the API server would compare the JSON: paths and
/// positions do not count, nor does the order of a mapping's keys; a list's order does.
/// </summary>
public static class NodeEquality
{
    /// <summary>Both absent counts as equal.</summary>
    public static bool Same(Node? a, Node? b) => (a, b) switch
    {
        (null, null) => true,
        (ScalarNode x, ScalarNode y) => x.Type == y.Type && string.Equals(x.Value, y.Value, StringComparison.Ordinal),
        (SequenceNode x, SequenceNode y) => SameItems(x, y),
        (MappingNode x, MappingNode y) => SameEntries(x, y),
        _ => false,
    };

    /// <summary>
    /// Every node of a tree by its field path, so the value at a finding's path can be found in
    /// the stored version of the object. Built once per tree, linear in its size.
    /// </summary>
    public static IReadOnlyDictionary<string, Node> ByPath(Node root)
    {
        var index = new Dictionary<string, Node>(StringComparer.Ordinal);
        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            index.TryAdd(node.Path, node);
            switch (node)
            {
                case MappingNode mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        pending.Push(entry.Value);
                    }

                    break;
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return index;
    }

    private static bool SameItems(SequenceNode x, SequenceNode y)
    {
        if (x.Items.Count != y.Items.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Items.Count; i++)
        {
            if (!Same(x.Items[i], y.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Each side's keys found in the other: a repeated key (a file's reader reports it) cannot
    /// make two mappings look alike. Values are compared one way only: comparing them both ways
    /// at every level would double the work per level of nesting.
    /// </summary>
    private static bool SameEntries(MappingNode x, MappingNode y) =>
        x.Entries.Count == y.Entries.Count && Contains(x, y, values: true) && Contains(y, x, values: false);

    private static bool Contains(MappingNode container, MappingNode entries, bool values)
    {
        // MappingNode.Get is linear; a hostile object with many keys must not make this quadratic.
        Func<string, Node?> lookup = container.Entries.Count <= SmallMapping ? container.Get : Index(container).GetValueOrDefault;
        foreach (var entry in entries.Entries)
        {
            if (lookup(entry.Key) is not { } other || (values && !Same(entry.Value, other)))
            {
                return false;
            }
        }

        return true;
    }

    private const int SmallMapping = 16;

    private static Dictionary<string, Node> Index(MappingNode mapping)
    {
        var index = new Dictionary<string, Node>(mapping.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            index.TryAdd(entry.Key, entry.Value);
        }

        return index;
    }
}

using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>
/// Adds a value to an immutable tree, copying only the spine. Added nodes get their real field
/// paths and the position of the key they were added under, so findings on a defaulted value
/// still point at a line the user wrote.
/// </summary>
public static class NodeEditor
{
    /// <summary>
    /// Adds <paramref name="value"/> under <paramref name="segments"/>; the parent must exist and
    /// the key must not, or, in a list, the index must be its length (an append).
    /// </summary>
    public static Node Add(Node root, IReadOnlyList<string> segments, Node value) => Add(root, segments, 0, value);

    /// <summary>A copy of a node with new paths and one position throughout.</summary>
    public static Node Rebase(Node node, string path, Position at)
    {
        // Loops, not LINQ: every default the mutating webhook adds goes through here.
        switch (node)
        {
            case MappingNode m:
                var entries = new NodeEntry[m.Entries.Count];
                for (var i = 0; i < entries.Length; i++)
                {
                    var entry = m.Entries[i];
                    entries[i] = new NodeEntry(entry.Key, at, Rebase(entry.Value, NodePath.Child(path, entry.Key), at));
                }

                return new MappingNode(path, at, at, entries);
            case SequenceNode s:
                var items = new Node[s.Items.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Rebase(s.Items[i], NodePath.Index(path, i), at);
                }

                return new SequenceNode(path, at, at, items);
            case ScalarNode v:
                return new ScalarNode(path, at, at, v.Value, v.Type);
            default:
                return node;
        }
    }

    private static Node Add(Node node, IReadOnlyList<string> segments, int depth, Node value)
    {
        var segment = segments[depth];
        var last = depth == segments.Count - 1;
        switch (node)
        {
            case MappingNode mapping:
                var entries = new List<NodeEntry>(mapping.Entries.Count + 1);
                var found = false;
                foreach (var entry in mapping.Entries)
                {
                    if (!last && entry.Key == segment)
                    {
                        entries.Add(entry with { Value = Add(entry.Value, segments, depth + 1, value) });
                        found = true;
                    }
                    else
                    {
                        entries.Add(entry);
                    }
                }

                if (last)
                {
                    var at = mapping.KeyStart;
                    entries.Add(new NodeEntry(segment, at, Rebase(value, NodePath.Child(mapping.Path, segment), at)));
                }
                else if (!found)
                {
                    throw new InvalidOperationException($"cannot add below missing {NodePath.Child(mapping.Path, segment)}");
                }

                return mapping with { Entries = entries };
            case SequenceNode sequence when int.TryParse(segment, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0:
                var items = sequence.Items.ToList();
                if (!last && index < items.Count)
                {
                    items[index] = Add(items[index], segments, depth + 1, value);
                }
                else if (last && index == items.Count)
                {
                    // RFC 6902 adds at the index one past the end by appending.
                    items.Add(Rebase(value, NodePath.Index(sequence.Path, index), sequence.KeyStart));
                }
                else
                {
                    throw new InvalidOperationException($"cannot add at {NodePath.Index(sequence.Path, index)}");
                }

                return sequence with { Items = items };
            default:
                throw new InvalidOperationException($"cannot add below {node.Path}");
        }
    }
}

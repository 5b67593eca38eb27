namespace EnMasse.Policy.Documents;

/// <summary>
/// Splits <c>kind: List</c> and typed lists (<c>AddressList</c>, ...) into one document per item.
/// Items of a typed list may leave out apiVersion and kind, as EnMasse's documentation does;
/// they take them from the list. A list inside a list is flattened, as kubectl does.
/// </summary>
public static class ListExpander
{
    /// <summary>True for a <c>kind: List</c> or typed list whose items are expanded.</summary>
    public static bool IsList(Node root) => ListKind(root) is not null;

    public static IEnumerable<SourceDocument> Expand(SourceDocument document)
    {
        // The readers bound nesting depth, so the recursion is bounded too.
        foreach (var item in ExpandOnce(document))
        {
            if (ReferenceEquals(item.Root, document.Root))
            {
                yield return item;
                continue;
            }

            foreach (var nested in Expand(item))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<SourceDocument> ExpandOnce(SourceDocument document)
    {
        if (ListKind(document.Root) is not { } kind || document.Root is not MappingNode root || root.Get("items") is not SequenceNode items)
        {
            yield return document;
            yield break;
        }

        var itemKind = kind.Value == "List" ? null : kind.Value[..^"List".Length];
        var apiVersion = root.Get("apiVersion") as ScalarNode;
        var first = true;
        foreach (var item in items.Items)
        {
            var node = item;
            if (itemKind is not null && node is MappingNode mapping)
            {
                if (mapping.Get("kind") is null)
                {
                    node = NodeEditor.Add(node, ["kind"], kind with { Value = itemKind });
                }

                if (mapping.Get("apiVersion") is null && apiVersion is not null)
                {
                    node = NodeEditor.Add(node, ["apiVersion"], apiVersion);
                }
            }

            // The list's own reader problems (repeated keys) go with its first item, so they are reported once.
            yield return new SourceDocument(document.File, node, first ? document.Problems : []);
            first = false;
        }
    }

    private static ScalarNode? ListKind(Node root) =>
        root is MappingNode mapping
        && mapping.Get("kind") is ScalarNode { Type: ScalarType.String } kind
        && kind.Value.EndsWith("List", StringComparison.Ordinal)
        && mapping.Get("items") is SequenceNode
            ? kind
            : null;
}

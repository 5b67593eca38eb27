using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Model;

/// <summary>An EnMasse object as read: its kind, identity and tree. <see cref="Name"/> is empty when only generateName was given.</summary>
public sealed record Resource(ResourceKind Kind, string ApiVersion, string Namespace, string Name, MappingNode Root, string? File)
{
    /// <summary>The namespace of an object that names none, as kubectl applies it without -n.</summary>
    public const string DefaultNamespace = "default";

    public MappingNode? Metadata => Root.Get("metadata") as MappingNode;

    public MappingNode? Spec => Root.Get("spec") as MappingNode;

    /// <summary>Reads identity from a tree; null when the tree is not an EnMasse object. Namespace falls back to <paramref name="defaultNamespace"/>.</summary>
    public static Resource? From(Node root, string defaultNamespace, string? file = null)
    {
        if (root is not MappingNode mapping)
        {
            return null;
        }

        var apiVersion = NodeRead.String(mapping, "apiVersion")?.Value;
        var kind = NodeRead.String(mapping, "kind")?.Value;
        if (!KnownKinds.TryResolve(apiVersion, kind, out var resolved))
        {
            return null;
        }

        var metadata = NodeRead.Map(mapping, "metadata");
        var ns = NodeRead.String(metadata, "namespace")?.Value;
        var name = NodeRead.String(metadata, "name")?.Value ?? string.Empty;
        return new Resource(resolved, apiVersion!, string.IsNullOrEmpty(ns) ? defaultNamespace : ns, name, mapping, file);
    }

    /// <summary>The EnMasse objects of a read file, lists expanded; other documents are not ours and are passed over.</summary>
    public static IEnumerable<(SourceDocument Document, Resource Resource)> AllIn(ReadResult file, string defaultNamespace)
    {
        foreach (var document in file.Documents.SelectMany(ListExpander.Expand))
        {
            if (From(document.Root, defaultNamespace, document.File) is { } resource)
            {
                yield return (document, resource);
            }
        }
    }
}

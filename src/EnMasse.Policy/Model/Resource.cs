using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Model;

/// <summary>An EnMasse object as read: its kind, identity and tree. <see cref="Name"/> is empty when only generateName was given.</summary>
public sealed record Resource(ResourceKind Kind, string ApiVersion, string Namespace, string Name, MappingNode Root, string? File)
{
    /// <summary>The kind as written: the enum's name, or a <see cref="ResourceKind.Foreign"/> object's own kind.</summary>
    public string KindName { get; init; } = Kind.ToString();

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

        return Identify(mapping, resolved, apiVersion!, defaultNamespace, file);
    }

    /// <summary>
    /// As <see cref="From"/>, and also an object of an EnMasse API group that is none of our kinds
    /// in a served version, unless it is one of EnMasse's other real kinds: such an object is a
    /// mistake (a misspelt kind, an apiVersion no release served) the engine reports.
    /// </summary>
    public static Resource? FromAny(Node root, string defaultNamespace, string? file = null)
    {
        if (From(root, defaultNamespace, file) is { } resource)
        {
            return resource;
        }

        if (root is not MappingNode mapping || NodeRead.String(mapping, "apiVersion")?.Value is not { } apiVersion || !KnownKinds.IsEnMasseGroup(apiVersion))
        {
            return null;
        }

        var kind = NodeRead.String(mapping, "kind")?.Value ?? string.Empty;
        return KnownKinds.OtherKinds.Contains(kind) || kind.EndsWith("List", StringComparison.Ordinal)
            ? null
            : Identify(mapping, ResourceKind.Foreign, apiVersion, defaultNamespace, file) with { KindName = kind };
    }

    /// <summary>The EnMasse objects of a read file, lists expanded; other documents are not ours and are passed over.</summary>
    /// <param name="withForeign">Also the objects of EnMasse's groups that are not ours (see <see cref="FromAny"/>), for the offline check.</param>
    public static IEnumerable<(SourceDocument Document, Resource Resource)> AllIn(ReadResult file, string defaultNamespace, bool withForeign = false)
    {
        foreach (var document in file.Documents.SelectMany(ListExpander.Expand))
        {
            var resource = withForeign ? FromAny(document.Root, defaultNamespace, document.File) : From(document.Root, defaultNamespace, document.File);
            if (resource is not null)
            {
                yield return (document, resource);
            }
        }
    }

    private static Resource Identify(MappingNode mapping, ResourceKind kind, string apiVersion, string defaultNamespace, string? file)
    {
        var metadata = NodeRead.Map(mapping, "metadata");
        var ns = NodeRead.String(metadata, "namespace")?.Value;
        var name = NodeRead.String(metadata, "name")?.Value ?? string.Empty;
        return new Resource(kind, apiVersion, string.IsNullOrEmpty(ns) ? defaultNamespace : ns, name, mapping, file);
    }
}

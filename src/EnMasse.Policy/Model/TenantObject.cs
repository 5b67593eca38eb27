using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Model;

/// <summary>The typed view of a tenant object that rules judge.</summary>
public abstract record TenantObject(Resource Resource)
{
    public string Namespace => Resource.Namespace;

    public string Name => Resource.Name;

    public MappingNode Root => Resource.Root;

    public MappingNode? Spec => Resource.Spec;

    public MappingNode? Annotations => NodeRead.Map(Resource.Metadata, "annotations");

    /// <summary>The value of one annotation, or null.</summary>
    public Text? Annotation(string key) => NodeRead.String(Annotations, key);

    /// <summary>The node that holds metadata.name, or the root when there is none, for placing name findings.</summary>
    public Node NameNode => Resource.Metadata?.Get("name") ?? (Node?)Resource.Metadata ?? Root;

    public static TenantObject? From(Resource resource) => resource.Kind switch
    {
        ResourceKind.AddressSpace => AddressSpaceObject.Bind(resource),
        ResourceKind.Address => AddressObject.Bind(resource),
        ResourceKind.MessagingUser => MessagingUserObject.Bind(resource),
        _ => null,
    };
}

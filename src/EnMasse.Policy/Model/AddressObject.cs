using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Model;

/// <summary>Typed view of an Address. <see cref="SpaceName"/> is the part of the name before the first dot.</summary>
public sealed record AddressObject(
    Resource Resource,
    string? SpaceName,
    Text? Address,
    Text? Type,
    Text? Plan,
    Text? Topic,
    Text? LegacySpace,
    IReadOnlyList<MappingNode> Forwarders) : TenantObject(Resource)
{
    public static AddressObject Bind(Resource resource)
    {
        var spec = resource.Spec;
        var (space, _) = ScopedName.Split(resource.Name);
        return new AddressObject(
            resource,
            space,
            NodeRead.String(spec, "address"),
            NodeRead.String(spec, "type"),
            NodeRead.String(spec, "plan"),
            NodeRead.String(spec, "topic"),
            NodeRead.String(spec, "addressSpace"),
            [.. NodeRead.Maps(NodeRead.List(spec, "forwarders"))]);
    }
}

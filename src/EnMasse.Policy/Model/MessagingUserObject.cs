using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Model;

/// <summary>Typed view of a MessagingUser.</summary>
public sealed record MessagingUserObject(
    Resource Resource,
    string? SpaceName,
    Text? Username,
    MappingNode? Authentication,
    Text? AuthenticationType,
    SequenceNode? AuthorizationNode) : TenantObject(Resource)
{
    public static MessagingUserObject Bind(Resource resource)
    {
        var spec = resource.Spec;
        var (space, _) = ScopedName.Split(resource.Name);
        var authentication = NodeRead.Map(spec, "authentication");
        return new MessagingUserObject(
            resource,
            space,
            NodeRead.String(spec, "username"),
            authentication,
            NodeRead.String(authentication, "type"),
            NodeRead.List(spec, "authorization"));
    }
}

using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Model;

/// <summary>Typed view of an AddressSpace.</summary>
public sealed record AddressSpaceObject(
    Resource Resource,
    Text? Type,
    Text? Plan,
    Text? AuthenticationServiceName,
    IReadOnlyList<EndpointView> Endpoints,
    IReadOnlyList<MappingNode> Connectors) : TenantObject(Resource)
{
    public static AddressSpaceObject Bind(Resource resource)
    {
        var spec = resource.Spec;
        var endpointsNode = NodeRead.List(spec, "endpoints");
        var endpoints = new List<EndpointView>();
        if (endpointsNode is not null)
        {
            for (var i = 0; i < endpointsNode.Items.Count; i++)
            {
                if (endpointsNode.Items[i] is MappingNode endpoint)
                {
                    endpoints.Add(EndpointView.Bind(i, endpoint));
                }
            }
        }

        return new AddressSpaceObject(
            resource,
            NodeRead.String(spec, "type"),
            NodeRead.String(spec, "plan"),
            NodeRead.String(NodeRead.Map(spec, "authenticationService"), "name"),
            endpoints,
            [.. NodeRead.Maps(NodeRead.List(spec, "connectors"))]);
    }
}

/// <summary>One entry of <c>spec.endpoints</c>.</summary>
public sealed record EndpointView(
    int Index,
    MappingNode Node,
    Text? Name,
    Text? Service,
    MappingNode? Cert,
    Text? CertProvider,
    Text? CertSecretName,
    MappingNode? Expose,
    Text? ExposeType,
    IReadOnlyList<MappingNode> Exports)
{
    public static EndpointView Bind(int index, MappingNode node)
    {
        var cert = NodeRead.Map(node, "cert");
        var expose = NodeRead.Map(node, "expose");
        return new EndpointView(
            index,
            node,
            NodeRead.String(node, "name"),
            NodeRead.String(node, "service"),
            cert,
            NodeRead.String(cert, "provider"),
            NodeRead.String(cert, "secretName"),
            expose,
            NodeRead.String(expose, "type"),
            [.. NodeRead.Maps(NodeRead.List(node, "exports"))]);
    }
}

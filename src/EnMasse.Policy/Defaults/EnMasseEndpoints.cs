using System.Collections.Frozen;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Policies;

namespace EnMasse.Policy.Defaults;

/// <summary>
/// The endpoints EnMasse itself gives an address space whose spec.endpoints is empty, per
/// address space type, exposed as EnMasse exposes them on each platform: a route (with the
/// service port and TLS termination) on OpenShift, a loadbalancer on the service port elsewhere.
/// These are EnMasse 0.31's (CreateController with the schema's available endpoints); a policy
/// that names an EnMasse version picks its table here. Left out on purpose: mqtt, which EnMasse
/// 0.31 adds only for a plan whose infra config is annotated with-mqtt, and adds itself when no
/// endpoint names the mqtt service; 0.27-0.30's console endpoint.
/// </summary>
public static class EnMasseEndpoints
{
    private sealed record Available(string Name, string Service, string Port, string RouteTermination);

    private static readonly Available[] Messaging =
    [
        new("messaging", "messaging", "amqps", "passthrough"),
        new("messaging-wss", "messaging", "https", "reencrypt"),
    ];

    private static readonly FrozenDictionary<string, Available[]> ByType = new Dictionary<string, Available[]>
    {
        ["standard"] = Messaging,
        ["brokered"] = Messaging,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>EnMasse's default endpoints for a type on a platform; none for a type EnMasse does not have.</summary>
    public static IReadOnlyList<MappingNode> For(string addressSpaceType, Platform platform) =>
        ByType.TryGetValue(addressSpaceType, out var available) ? [.. available.Select(a => Endpoint(a, platform))] : [];

    private static MappingNode Endpoint(Available endpoint, Platform platform) => NodeFactory.Map(
        ("name", NodeFactory.String(endpoint.Name)),
        ("service", NodeFactory.String(endpoint.Service)),
        ("expose", platform == Platform.OpenShift
            ? NodeFactory.Map(
                ("type", NodeFactory.String("route")),
                ("routeServicePort", NodeFactory.String(endpoint.Port)),
                ("routeTlsTermination", NodeFactory.String(endpoint.RouteTermination)))
            : NodeFactory.Map(
                ("type", NodeFactory.String("loadbalancer")),
                ("loadBalancerPorts", NodeFactory.List([NodeFactory.String(endpoint.Port)])))));
}

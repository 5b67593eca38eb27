using EnMasse.Policy.Documents;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Defaults;

/// <summary>
/// The endpoints EnMasse itself gives an address space whose spec.endpoints is empty, per
/// release and address space type (CreateController with the schema's available endpoints),
/// exposed as EnMasse exposes them on each platform: a route (with the service port and TLS
/// termination) on OpenShift, a loadbalancer on the service port elsewhere. Both types get
/// messaging and messaging-wss; up to 0.30 also console; a standard space whose plan's infra
/// config is annotated enmasse.io/with-mqtt also mqtt, up to 0.31 (0.32 dropped it).
/// </summary>
public static class EnMasseEndpoints
{
    private sealed record Available(string Name, string Service, string Port, string RouteTermination);

    private static readonly Available[] Messaging =
    [
        new("messaging", "messaging", "amqps", "passthrough"),
        new("messaging-wss", "messaging", "https", "reencrypt"),
    ];

    private static readonly Available Console = new("console", "console", "https", "reencrypt");

    private static readonly Available Mqtt = new("mqtt", "mqtt", "secure-mqtt", "passthrough");

    /// <summary>The trees are immutable and few (type, platform, release, mqtt): made once each, not per review.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Type, Platform Platform, EnMasseVersion Release, bool WithMqtt), IReadOnlyList<MappingNode>> Made = new();

    /// <summary>EnMasse's default endpoints for a type on a platform in a release; none for a type EnMasse does not have.</summary>
    /// <param name="withMqtt">True when the space's plan names an infra config annotated enmasse.io/with-mqtt.</param>
    public static IReadOnlyList<MappingNode> For(string addressSpaceType, Platform platform, EnMasseVersion release, bool withMqtt) =>
        addressSpaceType is not ("standard" or "brokered")
            ? []
            : Made.GetOrAdd((addressSpaceType, platform, release, withMqtt), key => Make(key.Type, key.Platform, key.Release, key.WithMqtt));

    private static MappingNode[] Make(string addressSpaceType, Platform platform, EnMasseVersion release, bool withMqtt)
    {
        var available = new List<Available>(Messaging);
        if (addressSpaceType == "standard" && withMqtt && release.AtMost(31))
        {
            available.Add(Mqtt);
        }

        if (release.AtMost(30))
        {
            available.Add(Console);
        }

        return [.. available.Select(a => Endpoint(a, platform))];
    }

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

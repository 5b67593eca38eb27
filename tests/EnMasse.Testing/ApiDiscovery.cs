using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnMasse.Testing;

/// <summary>
/// The API server's discovery documents (/version, /api, /apis and each group version's resource
/// list) for the kinds the chart renders, EnMasse's kinds and PolicyReports, so that a client that
/// maps kinds to resources before it talks to the server (helm --dry-run=server, the audit) can
/// use <see cref="FakeApiServer"/>. EnMasse's tenant kinds are served by CRDs (0.31+) unless
/// <see cref="Aggregated"/> says they come from EnMasse's aggregated API server (0.27-0.30): then
/// the APIService v1beta1.enmasse.io names that server's Service, and its resource list is the one
/// EnMasse's api-server answers with.
/// </summary>
public sealed class ApiDiscovery
{
    private static readonly (string GroupVersion, string Kind, string Plural, bool Namespaced)[] Resources =
    [
        ("v1", "ConfigMap", "configmaps", true),
        ("v1", "Secret", "secrets", true),
        ("v1", "Service", "services", true),
        ("v1", "ServiceAccount", "serviceaccounts", true),
        ("apps/v1", "Deployment", "deployments", true),
        ("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
        ("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
        ("rbac.authorization.k8s.io/v1", "Role", "roles", true),
        ("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true),
        ("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false),
        ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false),
        ("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", false),
        ("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false),
        ("apiregistration.k8s.io/v1", "APIService", "apiservices", false),
        ("cert-manager.io/v1", "Certificate", "certificates", true),
        ("cert-manager.io/v1", "Issuer", "issuers", true),
        ("enmasse.io/v1beta1", "AddressSpace", "addressspaces", true),
        ("enmasse.io/v1beta1", "Address", "addresses", true),
        ("user.enmasse.io/v1beta1", "MessagingUser", "messagingusers", true),
        ("admin.enmasse.io/v1beta2", "AddressSpacePlan", "addressspaceplans", true),
        ("admin.enmasse.io/v1beta2", "AddressPlan", "addressplans", true),
        ("admin.enmasse.io/v1beta1", "StandardInfraConfig", "standardinfraconfigs", true),
        ("admin.enmasse.io/v1beta1", "BrokeredInfraConfig", "brokeredinfraconfigs", true),
        ("admin.enmasse.io/v1beta1", "AuthenticationService", "authenticationservices", true),
        ("wgpolicyk8s.io/v1alpha2", "PolicyReport", "policyreports", true),
    ];

    private readonly ConcurrentDictionary<string, bool> _unserved = new(StringComparer.Ordinal);

    /// <summary>Whether EnMasse's aggregated API server (0.27-0.30) serves enmasse.io/v1beta1 and user.enmasse.io/v1beta1, rather than CRDs.</summary>
    public bool Aggregated { get; set; }

    /// <summary>Whether that aggregated server answers; when not, the API server answers its group versions with 503, as kube-aggregator does.</summary>
    public bool AggregatedAvailable { get; set; } = true;

    /// <summary>Takes a group version out of discovery, and every request to it then gets 404, as on a cluster without it.</summary>
    public void Unserve(string groupVersion) => _unserved[groupVersion] = true;

    public bool Serves(string groupVersion) => !_unserved.ContainsKey(groupVersion);

    /// <summary>True for a group version of EnMasse's aggregated server while it does not answer.</summary>
    public bool Unavailable(string groupVersion) => Aggregated && !AggregatedAvailable && groupVersion is "enmasse.io/v1beta1" or "user.enmasse.io/v1beta1";

    public void Map(WebApplication app)
    {
        app.MapGet("/version", () => Json(new JsonObject { ["major"] = "1", ["minor"] = "33", ["gitVersion"] = "v1.33.0" }));
        app.MapGet("/api", () => Json(new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1"), ["serverAddressByClientCIDRs"] = new JsonArray() }));
        app.MapGet("/api/v1", () => List("v1"));
        app.MapGet("/apis", () => Json(new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = new JsonArray([.. Resources.Select(r => r.GroupVersion).Where(g => g.Contains('/') && Serves(g)).Distinct().GroupBy(g => g.Split('/')[0]).Select(Group)]),
        }));
        app.MapGet("/apis/{group}/{version}", (string group, string version) => List($"{group}/{version}"));
        app.MapGet("/apis/apiregistration.k8s.io/v1/apiservices/{name}", (string name) => ApiService(name));
    }

    private static JsonNode Group(IGrouping<string, string> group)
    {
        var versions = group.OrderByDescending(g => g, StringComparer.Ordinal).Select(g => (JsonNode)new JsonObject { ["groupVersion"] = g, ["version"] = g.Split('/')[1] }).ToArray();
        return new JsonObject { ["name"] = group.Key, ["versions"] = new JsonArray(versions), ["preferredVersion"] = versions[0].DeepClone() };
    }

    private IResult List(string groupVersion)
    {
        if (Unavailable(groupVersion))
        {
            return FakeApiServer.Status(503, "ServiceUnavailable", "the server is currently unable to handle the request");
        }

        var resources = Resources.Where(r => r.GroupVersion == groupVersion && Serves(groupVersion)).ToList();
        if (resources.Count == 0)
        {
            return FakeApiServer.Status(404, "NotFound", "the server could not find the requested resource");
        }

        // EnMasse's api-server lists its kinds without watch for users and with the verbs it implements.
        var aggregated = Aggregated && groupVersion is "enmasse.io/v1beta1" or "user.enmasse.io/v1beta1";
        return Json(new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = groupVersion,
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = aggregated ? string.Empty : r.Kind.ToLowerInvariant(),
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = aggregated
                    ? new JsonArray("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")
                    : new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
            })]),
        });
    }

    /// <summary>
    /// v1beta1.enmasse.io as the API server keeps it: with spec.service naming EnMasse's api-server
    /// when aggregated, and without one (a local, automanaged APIService) when CRDs serve the group.
    /// </summary>
    private IResult ApiService(string name)
    {
        if (name != "v1beta1.enmasse.io" || !Serves("enmasse.io/v1beta1"))
        {
            return FakeApiServer.Status(404, "NotFound", $"apiservices.apiregistration.k8s.io \"{name}\" not found");
        }

        var spec = new JsonObject { ["group"] = "enmasse.io", ["version"] = "v1beta1", ["groupPriorityMinimum"] = 1000, ["versionPriority"] = 15 };
        var metadata = new JsonObject { ["name"] = name };
        if (Aggregated)
        {
            spec["service"] = new JsonObject { ["namespace"] = "enmasse-infra", ["name"] = "api-server", ["port"] = 443 };
            spec["insecureSkipTLSVerify"] = true;
        }
        else
        {
            metadata["labels"] = new JsonObject { ["kube-aggregator.kubernetes.io/automanaged"] = "true" };
        }

        var available = !Aggregated || AggregatedAvailable;
        return Json(new JsonObject
        {
            ["apiVersion"] = "apiregistration.k8s.io/v1",
            ["kind"] = "APIService",
            ["metadata"] = metadata,
            ["spec"] = spec,
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Available", ["status"] = available ? "True" : "False", ["reason"] = available ? "Passed" : "FailedDiscoveryCheck" }),
            },
        });
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}

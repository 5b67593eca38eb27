using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The API server's discovery documents (/version, /api, /apis and each group version's
/// resource list) for the kinds the chart renders, so that a client that maps kinds to resources
/// before it talks to the server (helm --dry-run=server) can use <see cref="FakeApiServer"/>.
/// </summary>
internal static class ApiDiscovery
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
        ("cert-manager.io/v1", "Certificate", "certificates", true),
        ("cert-manager.io/v1", "Issuer", "issuers", true),
    ];

    public static void Map(WebApplication app)
    {
        app.MapGet("/version", () => Json(new JsonObject { ["major"] = "1", ["minor"] = "33", ["gitVersion"] = "v1.33.0" }));
        app.MapGet("/api", () => Json(new JsonObject { ["kind"] = "APIVersions", ["versions"] = new JsonArray("v1"), ["serverAddressByClientCIDRs"] = new JsonArray() }));
        app.MapGet("/api/v1", () => List("v1"));
        app.MapGet("/apis", () => Json(new JsonObject
        {
            ["kind"] = "APIGroupList",
            ["apiVersion"] = "v1",
            ["groups"] = new JsonArray([.. Resources.Select(r => r.GroupVersion).Where(g => g.Contains('/')).Distinct().Select(Group)]),
        }));
        app.MapGet("/apis/{group}/{version}", (string group, string version) => List($"{group}/{version}"));
    }

    private static JsonNode Group(string groupVersion)
    {
        var version = new JsonObject { ["groupVersion"] = groupVersion, ["version"] = groupVersion.Split('/')[1] };
        return new JsonObject { ["name"] = groupVersion.Split('/')[0], ["versions"] = new JsonArray(version), ["preferredVersion"] = version.DeepClone() };
    }

    private static IResult List(string groupVersion)
    {
        var resources = Resources.Where(r => r.GroupVersion == groupVersion).ToList();
        if (resources.Count == 0)
        {
            return Results.Text("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""", "application/json", statusCode: 404);
        }

        return Json(new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = groupVersion,
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Kind.ToLowerInvariant(),
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
            })]),
        });
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}

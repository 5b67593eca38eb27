using System.Text.Json;

namespace EnMasse.Testing;

/// <summary>AdmissionReview bodies as the API server sends them.</summary>
public static class Reviews
{
    /// <summary>A tenant, as a human user who logged in with kubectl.</summary>
    public const string Developer = """{"username":"dev","groups":["developers","system:authenticated"]}""";

    /// <summary>The userInfo the API server sends for a service account's request: its name, uid and groups.</summary>
    public static string ServiceAccount(string ns, string name) =>
        $$"""{"username":"system:serviceaccount:{{ns}}:{{name}}","uid":"ad2a0c14-9ed4-4ef4-8b28-1e66978a7e6c","groups":["system:serviceaccounts","system:serviceaccounts:{{ns}}","system:authenticated"]}""";

    public static string For(string objectJson, string operation = "CREATE", string? oldJson = null, string apiVersion = "admission.k8s.io/v1", string uid = "705ab4f5-6393-11e8-b7cc-42010a800002", string ns = "team1", bool dryRun = false, string user = Developer)
    {
        using var document = JsonDocument.Parse(objectJson, new JsonDocumentOptions { MaxDepth = 1000 });
        var kind = document.RootElement.TryGetProperty("kind", out var k) ? k.GetString() : null;
        var apiVersionOfObject = document.RootElement.TryGetProperty("apiVersion", out var v) ? v.GetString() ?? string.Empty : string.Empty;
        var slash = apiVersionOfObject.IndexOf('/', StringComparison.Ordinal);
        var group = slash > 0 ? apiVersionOfObject[..slash] : string.Empty;
        var version = slash > 0 ? apiVersionOfObject[(slash + 1)..] : apiVersionOfObject;
        var objectPart = operation == "DELETE" ? "null" : objectJson;
        var request = $"{{\"uid\":\"{uid}\",\"kind\":{{\"group\":\"{group}\",\"version\":\"{version}\",\"kind\":\"{kind}\"}},"
            + $"\"resource\":{{\"group\":\"{group}\",\"version\":\"{version}\",\"resource\":\"x\"}},\"namespace\":\"{ns}\",\"operation\":\"{operation}\","
            + $"\"userInfo\":{user},\"object\":{objectPart},\"oldObject\":{oldJson ?? "null"},\"dryRun\":{(dryRun ? "true" : "false")}}}";
        return $"{{\"apiVersion\":\"{apiVersion}\",\"kind\":\"AdmissionReview\",\"request\":{request}}}";
    }
}

using System.Text.Json;

namespace EnMasse.Webhook.Admission;

/// <summary>What the webhook reads of an AdmissionReview request. Missing, null and {} objects all read as absent.</summary>
internal sealed record AdmissionRequest(
    string ApiVersion,
    string Uid,
    string? Group,
    string? Version,
    string? Kind,
    string Operation,
    string? Namespace,
    string? Name,
    JsonElement? Object,
    JsonElement? OldObject,
    bool DryRun);

/// <summary>Why a body is not a review the webhook can answer: the HTTP status and a short plain message.</summary>
internal sealed record ReviewError(int Status, string Message);

internal static class AdmissionReviewReader
{
    public static readonly string[] Versions = ["admission.k8s.io/v1", "admission.k8s.io/v1beta1"];

    /// <summary>Reads a review; the document must stay alive while the request's elements are used.</summary>
    public static (AdmissionRequest? Request, ReviewError? Error) Read(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, new ReviewError(400, "the body is not an AdmissionReview object"));
        }

        var apiVersion = String(root, "apiVersion");
        if (apiVersion is null || !Versions.Contains(apiVersion) || String(root, "kind") != "AdmissionReview")
        {
            return (null, new ReviewError(400, "the body is not an AdmissionReview of admission.k8s.io/v1 or v1beta1"));
        }

        if (!root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            return (null, new ReviewError(400, "the AdmissionReview has no request"));
        }

        var uid = String(request, "uid");
        if (string.IsNullOrEmpty(uid))
        {
            return (null, new ReviewError(400, "the AdmissionReview request has no uid"));
        }

        var kind = request.TryGetProperty("kind", out var gvk) && gvk.ValueKind == JsonValueKind.Object ? gvk : default;
        return (new AdmissionRequest(
            apiVersion,
            uid,
            kind.ValueKind == JsonValueKind.Object ? String(kind, "group") : null,
            kind.ValueKind == JsonValueKind.Object ? String(kind, "version") : null,
            kind.ValueKind == JsonValueKind.Object ? String(kind, "kind") : null,
            String(request, "operation") ?? string.Empty,
            String(request, "namespace"),
            String(request, "name"),
            Present(request, "object"),
            Present(request, "oldObject"),
            request.TryGetProperty("dryRun", out var dryRun) && dryRun.ValueKind == JsonValueKind.True), null);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? Present(JsonElement request, string name) =>
        request.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any() ? value : null;
}

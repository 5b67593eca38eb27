using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnMasse.Webhook.Admission;

/// <summary>The AdmissionReview envelope of admission.k8s.io/v1 and v1beta1, as the API server sends and takes it.</summary>
internal sealed record AdmissionReview(string? ApiVersion, string? Kind, AdmissionRequest? Request = null, AdmissionResponse? Response = null)
{
    public static readonly IReadOnlyList<string> Versions = ["admission.k8s.io/v1", "admission.k8s.io/v1beta1"];
}

/// <summary>What the webhook reads of a request. Missing, null and {} objects all mean absent (<see cref="Present"/>).</summary>
internal sealed record AdmissionRequest(
    string? Uid,
    RequestKind? Kind,
    string? Operation,
    string? Namespace,
    string? Name,
    JsonElement? Object,
    JsonElement? OldObject,
    bool? DryRun,
    UserInfo? UserInfo = null)
{
    public static JsonElement? Present(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } element && element.EnumerateObject().Any() ? element : null;
}

/// <summary>Who sent the request, as the API server authenticated them; decides whether the policy trusts the requester.</summary>
internal sealed record UserInfo(string? Username, IReadOnlyList<string?>? Groups);

/// <summary>The kind of the object under review; only the kind is used (for metrics and the log).</summary>
internal sealed record RequestKind(string? Kind);

/// <summary>The answer: the uid echoed, the verdict, and what goes with it.</summary>
internal sealed record AdmissionResponse(
    string Uid,
    bool Allowed,
    AdmissionStatus? Status = null,
    IReadOnlyList<string>? Warnings = null,
    string? PatchType = null,
    byte[]? Patch = null,
    IReadOnlyDictionary<string, string>? AuditAnnotations = null);

/// <summary>Why a request was denied, as kubectl prints it.</summary>
internal sealed record AdmissionStatus(int Code, string Reason, string Message);

/// <summary>
/// Source-generated (de)serialisation of the review: no reflection on the request path. The
/// depth bound is far above the engine's own (100 levels, a yaml.syntax finding as in the CLI),
/// so any object the API server passes on gets a verdict rather than a 400.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = MaxDepth)]
[JsonSerializable(typeof(AdmissionReview))]
internal sealed partial class AdmissionJsonContext : JsonSerializerContext
{
    public const int MaxDepth = 10_000;
}

using System.Text.Json;
using System.Text.Unicode;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Webhook.Admission;

/// <summary>
/// Reads a body into a review, or says in one short line why it is not one (HTTP 400), naming
/// the request's uid when it could be read so the caller can match the answer to the call.
/// </summary>
internal static class AdmissionReviewReader
{
    public static (AdmissionReview? Review, ReviewError? Error) Read(ReadOnlyMemory<byte> body)
    {
        // System.Text.Json reads strings lazily: bad bytes inside the object would surface
        // later, mid-evaluation. One pass over the body settles it here.
        if (!Utf8.IsValid(body.Span))
        {
            return (null, Refuse("the body is not valid UTF-8 text", body));
        }

        AdmissionReview? review;
        try
        {
            review = JsonSerializer.Deserialize(body.Span, AdmissionJsonContext.Default.AdmissionReview);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Only on this path is the body looked at again, to say what is wrong with it.
            return (null, Why(body));
        }

        if (review is null)
        {
            return (null, new ReviewError(400, "the body is not an AdmissionReview object"));
        }

        if (review.ApiVersion is null || !AdmissionReview.Versions.Contains(review.ApiVersion) || review.Kind != "AdmissionReview")
        {
            return (null, Refuse("the body is not an AdmissionReview of admission.k8s.io/v1 or v1beta1", body));
        }

        if (review.Request is not { } request)
        {
            return (null, new ReviewError(400, "the AdmissionReview has no request"));
        }

        if (string.IsNullOrEmpty(request.Uid))
        {
            return (null, new ReviewError(400, "the AdmissionReview request has no uid"));
        }

        return (review with { Request = request with { Object = AdmissionRequest.Present(request.Object), OldObject = AdmissionRequest.Present(request.OldObject) } }, null);
    }

    private static ReviewError Why(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Refuse("the body is not an AdmissionReview: a field has the wrong type or is not valid text (such as half of a surrogate pair)", body)
                : new ReviewError(400, "the body is not an AdmissionReview object");
        }
        catch (JsonException e) when (e.Message.Contains("depth", StringComparison.Ordinal))
        {
            return new ReviewError(400, $"the body nests deeper than {AdmissionJsonContext.MaxDepth} levels");
        }
        catch (JsonException)
        {
            return new ReviewError(400, "the body is not JSON");
        }
    }

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = AdmissionJsonContext.MaxDepth };

    private static ReviewError Refuse(string message, ReadOnlyMemory<byte> body) =>
        new(400, UidOf(body) is { } uid ? $"{message} (request uid {uid})" : message);

    /// <summary>request.uid when the body parses that far and the uid is text; escaped and bounded.</summary>
    private static string? UidOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object
                && request.TryGetProperty("uid", out var uid) && uid.ValueKind == JsonValueKind.String
                ? ShownText.Value(uid.GetString(), 128)
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

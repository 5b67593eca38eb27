using System.Text.Json;

namespace EnMasse.Webhook.Admission;

/// <summary>Reads a body into a review, or says in one short line why it is not one (HTTP 400).</summary>
internal static class AdmissionReviewReader
{
    public static (AdmissionReview? Review, ReviewError? Error) Read(ReadOnlyMemory<byte> body)
    {
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
            return (null, new ReviewError(400, "the body is not an AdmissionReview of admission.k8s.io/v1 or v1beta1"));
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
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new ReviewError(400, "the body is not an AdmissionReview: a field has the wrong type or is not valid text")
                : new ReviewError(400, "the body is not an AdmissionReview object");
        }
        catch (JsonException)
        {
            return new ReviewError(400, "the body is not JSON");
        }
    }
}

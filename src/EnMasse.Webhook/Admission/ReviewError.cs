namespace EnMasse.Webhook.Admission;

/// <summary>Why a body is not a review the webhook can answer: the HTTP status and a short plain message.</summary>
internal sealed record ReviewError(int Status, string Message);

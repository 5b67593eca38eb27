namespace EnMasse.Webhook.Admission;

/// <summary>The two webhooks one server answers; the lower-case name is the path, the metric label and the log's word.</summary>
internal enum AdmissionWebhook
{
    Validate,
    Mutate,
}

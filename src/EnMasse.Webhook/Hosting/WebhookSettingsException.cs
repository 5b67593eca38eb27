namespace EnMasse.Webhook.Hosting;

/// <summary>Settings the server cannot start with; the message is for the operator, one line.</summary>
internal sealed class WebhookSettingsException(string message) : Exception(message);

using System.Diagnostics;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;
using EnMasse.Webhook.Diagnostics;
using EnMasse.Webhook.Serving;

namespace EnMasse.Webhook.Admission;

/// <summary>The HTTP-free heart of both webhooks: review bytes in, status and review bytes out.</summary>
internal sealed class AdmissionHandler(PolicyState state, WebhookMetrics metrics, ILogger<AdmissionHandler> logger)
{
    public (int Status, byte[] Body, string ContentType) Handle(ReadOnlyMemory<byte> body, AdmissionWebhook webhook)
    {
        var started = Stopwatch.GetTimestamp();
        var (review, error) = AdmissionReviewReader.Read(body);
        if (error is not null)
        {
            return Fail(error.Status, error.Message);
        }

        if (state.Current is null)
        {
            return Fail(503, "the webhook has no loaded policy yet; see its log");
        }

        var request = review!.Request!;
        try
        {
            var decision = Evaluate(request, webhook);
            var answered = webhook == AdmissionWebhook.Mutate ? AsMutation(decision) : decision;
            var response = AdmissionResponseWriter.Write(review, answered, withPatch: webhook == AdmissionWebhook.Mutate);
            Record(webhook, request, answered, started);
            return (200, response, "application/json");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An internal fault is a call failure, never a verdict: the failurePolicy decides.
            Log.Failed(logger, e, Name(webhook), ShownText.Value(request.Uid));
            return (500, "internal error while evaluating the review; see the webhook's log"u8.ToArray(), "text/plain");
        }
    }

    public static string Name(AdmissionWebhook webhook) => webhook == AdmissionWebhook.Mutate ? "mutate" : "validate";

    /// <summary>Kinds, operations and objects the engine does not judge come back as not applicable; an unknown operation is one of them.</summary>
    private Decision Evaluate(AdmissionRequest request, AdmissionWebhook webhook)
    {
        var serving = state.Current ?? throw new InvalidOperationException("no policy is loaded");
        if (!VocabularyNames.TryParse(request.Operation, out var operation))
        {
            return Decision.NotApplicable;
        }

        var document = request.Object is { } json ? JsonElementConverter.ToDocument(json) : null;
        var old = request.OldObject is { } oldObject ? JsonElementConverter.ToNode(oldObject) : null;
        var evaluation = new EvaluationRequest(document?.Root, operation, old, request.Namespace ?? Resource.DefaultNamespace, EnforcementPoint.Admission, null, document?.Problems)
        {
            Requester = RequesterOf(request.UserInfo),

            // The mutating webhook returns only the patch: the rules run for /validate.
            DefaultsOnly = webhook == AdmissionWebhook.Mutate,
        };
        return serving.Engine.Evaluate(evaluation, serving.Catalog);
    }

    /// <summary>The review's userInfo; a request without a user name has no requester to trust.</summary>
    private static Requester? RequesterOf(UserInfo? user) =>
        user?.Username is { Length: > 0 } username ? new Requester(username, [.. (user.Groups ?? []).OfType<string>()]) : null;

    /// <summary>The mutating webhook fills in defaults and leaves the verdict to the validating one, so kubectl shows each finding once.</summary>
    private static Decision AsMutation(Decision decision) => decision with { Allowed = true, Findings = [] };

    /// <summary>Counts and logs the review as answered: the mutating webhook's verdict is always allowed.</summary>
    private void Record(AdmissionWebhook webhook, AdmissionRequest request, Decision decision, long started)
    {
        var name = Name(webhook);
        metrics.Duration.WithLabels(name).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        metrics.Requests.WithLabels(name, MetricLabels.Kind(request.Kind?.Kind), MetricLabels.Operation(request.Operation), decision.Allowed ? "true" : "false", request.DryRun == true ? "true" : "false").Inc();
        if (webhook == AdmissionWebhook.Validate)
        {
            foreach (var finding in decision.Findings)
            {
                metrics.Findings.WithLabels(finding.Rule, finding.Severity.ToName()).Inc();
            }

            if (decision.TrustedBy is { } trustedBy)
            {
                var waived = decision.Findings.Where(f => f.Waiver == Waiver.TrustedRequester).Select(f => f.Rule).ToList();
                foreach (var rule in waived)
                {
                    metrics.TrustedOverrides.WithLabels(rule).Inc();
                }

                Log.TrustedOverride(logger, ShownText.Value(request.Uid), ShownText.Value(request.Kind?.Kind), ShownText.Value(request.Namespace), ShownText.Value(request.Name), ShownText.Value(request.Operation), ShownText.Value(trustedBy), string.Join(",", waived.Distinct()));
            }
        }

        // Per review at Debug, escaped and bounded: the counters above carry the totals, and at
        // Information a line per review cost about a sixth of the throughput.
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.Reviewed(logger, name, ShownText.Value(request.Uid), ShownText.Value(request.Kind?.Kind), ShownText.Value(request.Namespace), ShownText.Value(request.Name), ShownText.Value(request.Operation), decision.Allowed, string.Join(",", decision.Findings.Select(f => f.Rule).Distinct()));
        }
    }

    private (int, byte[], string) Fail(int status, string message)
    {
        Log.BadCall(logger, status, message);
        return (status, System.Text.Encoding.UTF8.GetBytes(message), "text/plain");
    }
}

using System.Diagnostics;
using System.Text.Json;
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
    public const string Validate = "validate";
    public const string Mutate = "mutate";

    public (int Status, byte[] Body, string ContentType) Handle(ReadOnlyMemory<byte> body, string webhook)
    {
        var started = Stopwatch.GetTimestamp();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Fail(400, "the body is not JSON");
        }

        using (document)
        {
            var (request, error) = AdmissionReviewReader.Read(document);
            if (error is not null)
            {
                return Fail(error.Status, error.Message);
            }

            if (state.Current is null)
            {
                return Fail(503, "the webhook has no loaded policy yet; see its log");
            }

            try
            {
                var decision = Evaluate(request!);
                var response = AdmissionResponseWriter.Write(request!, webhook == Mutate ? AsMutation(decision) : decision, withPatch: webhook == Mutate);
                Record(webhook, request!, decision, started);
                return (200, response, "application/json");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // An internal fault is a call failure, never a verdict: the failurePolicy decides.
                Log.Failed(logger, e, webhook, request!.Uid);
                return (500, "internal error while evaluating the review; see the webhook's log"u8.ToArray(), "text/plain");
            }
        }
    }

    private Decision Evaluate(AdmissionRequest request)
    {
        var serving = state.Current ?? throw new InvalidOperationException("no policy is loaded");
        if (!VocabularyNames.TryParse(request.Operation, out var operation) || operation is Operation.Delete or Operation.Connect || request.Object is null)
        {
            return Decision.NotApplicable;
        }

        var document = JsonElementConverter.ToDocument(request.Object.Value);
        var old = request.OldObject is { } oldObject ? JsonElementConverter.ToNode(oldObject) : null;
        var evaluation = new EvaluationRequest(document.Root, operation, old, request.Namespace ?? Resource.DefaultNamespace, EnforcementPoint.Admission, null, document.Problems);
        return serving.Engine.Evaluate(evaluation, serving.Catalog);
    }

    /// <summary>The mutating webhook fills in defaults and leaves the verdict to the validating one, so kubectl shows each finding once.</summary>
    private static Decision AsMutation(Decision decision) => decision with { Allowed = true, Findings = [] };

    private void Record(string webhook, AdmissionRequest request, Decision decision, long started)
    {
        metrics.Duration.WithLabels(webhook).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        metrics.Requests.WithLabels(webhook, request.Kind ?? string.Empty, request.Operation, decision.Allowed ? "true" : "false", request.DryRun ? "true" : "false").Inc();
        if (webhook == Validate)
        {
            foreach (var finding in decision.Findings)
            {
                metrics.Findings.WithLabels(finding.Rule, finding.Severity.ToName()).Inc();
            }
        }

        Log.Reviewed(logger, webhook, request.Uid, request.Kind, request.Namespace, request.Name, request.Operation, decision.Allowed, string.Join(",", decision.Findings.Select(f => f.Rule).Distinct()));
    }

    private (int, byte[], string) Fail(int status, string message)
    {
        Log.BadCall(logger, status, message);
        return (status, System.Text.Encoding.UTF8.GetBytes(message), "text/plain");
    }
}

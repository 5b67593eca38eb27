using System.Text;
using System.Text.Json;
using EnMasse.Policy.Defaults;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Webhook.Admission;

/// <summary>Writes the AdmissionReview response the API server accepts: same apiVersion, uid echoed, allowed always written.</summary>
internal static class AdmissionResponseWriter
{
    public const int MaxWarningLength = 120;
    public const int MaxWarningsBytes = 4096;

    public static byte[] Write(AdmissionRequest request, Decision decision, bool withPatch)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", request.ApiVersion);
            json.WriteString("kind", "AdmissionReview");
            json.WriteStartObject("response");
            json.WriteString("uid", request.Uid);
            json.WriteBoolean("allowed", decision.Allowed);
            if (!decision.Allowed)
            {
                json.WriteStartObject("status");
                json.WriteNumber("code", 403);
                json.WriteString("reason", "Forbidden");
                json.WriteString("message", DenialMessage(decision));
                json.WriteEndObject();
            }

            var warnings = Warnings(decision);
            if (warnings.Count > 0)
            {
                json.WriteStartArray("warnings");
                foreach (var warning in warnings)
                {
                    json.WriteStringValue(warning);
                }

                json.WriteEndArray();
            }

            if (withPatch && decision.Patch.Count > 0)
            {
                json.WriteString("patchType", "JSONPatch");
                json.WriteString("patch", Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonPatch.ToJson(decision.Patch))));
            }

            var fired = decision.Findings.Select(f => f.Rule).Concat(decision.AppliedDefaults).Distinct().ToList();
            if (fired.Count > 0)
            {
                json.WriteStartObject("auditAnnotations");
                json.WriteString("enmasse-policy-rules", string.Join(",", fired));
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Every error finding, one per line, as <c>[rule-id] path: message</c>, ordered by path and
    /// rule: an order that does not depend on whether the object came with positions.
    /// </summary>
    public static string DenialMessage(Decision decision) =>
        string.Join("\n", Canonical(decision.Errors).Select(f => $"[{f.Rule}] {f.Path}: {f.Message}"));

    private static IEnumerable<Finding> Canonical(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal);

    /// <summary>One warning per warning finding, each within 120 characters, all within 4 KiB, as the API server limits them.</summary>
    public static IReadOnlyList<string> Warnings(Decision decision)
    {
        var result = new List<string>();
        var total = 0;
        foreach (var finding in Canonical(decision.Findings.Where(f => f.Warns)))
        {
            var text = $"[{finding.Rule}] {finding.Path}: {finding.Message}";
            if (text.Length > MaxWarningLength)
            {
                text = text[..(MaxWarningLength - 3)] + "...";
            }

            var size = Encoding.UTF8.GetByteCount(text);
            if (total + size > MaxWarningsBytes)
            {
                break;
            }

            total += size;
            result.Add(text);
        }

        return result;
    }

    /// <summary>An allowed response that touches nothing: for kinds we do not judge, DELETE, CONNECT.</summary>
    public static byte[] Allow(AdmissionRequest request) => Write(request, Decision.NotApplicable, withPatch: false);
}

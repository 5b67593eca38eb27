using System.Globalization;
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

    /// <summary>Most characters of a denial: kubectl prints it whole, and audit logs may keep it.</summary>
    public const int MaxDenialLength = 12 * 1024;

    public static byte[] Write(AdmissionReview review, Decision decision, bool withPatch)
    {
        var warnings = Warnings(decision);
        var fired = decision.Findings.Select(f => f.Rule).Concat(decision.AppliedDefaults).Distinct().ToList();
        var patch = withPatch && decision.Patch.Count > 0;
        var response = new AdmissionResponse(
            review.Request!.Uid!,
            decision.Allowed,
            decision.Allowed ? null : new AdmissionStatus(403, "Forbidden", DenialMessage(decision)),
            warnings.Count > 0 ? warnings : null,
            patch ? "JSONPatch" : null,
            // Bytes: the serializer writes them as the base64 the API server expects, with no string between.
            patch ? JsonPatch.ToUtf8(decision.Patch) : null,
            fired.Count > 0 ? new Dictionary<string, string> { ["enmasse-policy-rules"] = string.Join(",", fired) } : null);
        return JsonSerializer.SerializeToUtf8Bytes(new AdmissionReview(review.ApiVersion, "AdmissionReview", Response: response), Readable.AdmissionReview);
    }

    // Quotes and other non-ASCII-safe characters written as themselves (valid JSON; the reader is the API server, not a browser),
    // so a denial read with curl shows "plan" and not \u0022plan\u0022.
    private static readonly AdmissionJsonContext Readable = new(new JsonSerializerOptions(AdmissionJsonContext.Default.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = null });

    /// <summary>
    /// Every error finding, one per line, as <c>[rule-id] path: message</c>, ordered by path and
    /// rule: an order that does not depend on whether the object came with positions.
    /// </summary>
    public static string DenialMessage(Decision decision)
    {
        var lines = Canonical(decision.Errors).Select(f => $"[{f.Rule}] {f.Path}: {f.Message}").ToList();
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0 && text.Length + lines[i].Length > MaxDenialLength)
            {
                return text.Append(CultureInfo.InvariantCulture, $"\n... and {lines.Count - i} more findings; enmasse-policy validate lists them all").ToString();
            }

            text.Append(i > 0 ? "\n" : string.Empty).Append(lines[i]);
        }

        return text.ToString();
    }

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
}

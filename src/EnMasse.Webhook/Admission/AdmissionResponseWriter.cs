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
        var fired = FiredRules(decision);
        var patch = withPatch && decision.Patch.Count > 0;
        var response = new AdmissionResponse(
            review.Request!.Uid!,
            decision.Allowed,
            decision.Allowed ? null : new AdmissionStatus(403, "Forbidden", DenialMessage(decision)),
            warnings.Count > 0 ? warnings : null,
            patch ? "JSONPatch" : null,
            // Bytes: the serializer writes them as the base64 the API server expects, with no string between.
            patch ? JsonPatch.ToUtf8(decision.Patch) : null,
            fired is null ? null : new Dictionary<string, string> { ["enmasse-policy-rules"] = fired });
        return JsonSerializer.SerializeToUtf8Bytes(new AdmissionReview(review.ApiVersion, "AdmissionReview", Response: response), Readable.AdmissionReview);
    }

    // Quotes and other non-ASCII-safe characters written as themselves (valid JSON; the reader is the API server, not a browser),
    // so a denial read with curl shows "plan" and not \u0022plan\u0022.
    private static readonly AdmissionJsonContext Readable = new(new JsonSerializerOptions(AdmissionJsonContext.Default.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = null });

    /// <summary>The rules that found something and the defaults applied, each once, in that order; null when there are none.</summary>
    private static string? FiredRules(Decision decision) => (decision.Findings.Count, decision.Patch.Count) switch
    {
        (0, 0) => null,

        // A denial's usual case, without the set and the list.
        (1, 0) => decision.Findings[0].Rule,
        _ => string.Join(",", decision.Findings.Select(f => f.Rule).Concat(decision.AppliedDefaults).Distinct()),
    };

    /// <summary>
    /// Every error finding, one per line, as <c>[rule-id] path: message</c>, ordered by path and
    /// rule: an order that does not depend on whether the object came with positions.
    /// </summary>
    public static string DenialMessage(Decision decision)
    {
        var errors = Canonical(decision.Findings, f => f.Denies);
        if (errors.Count == 1)
        {
            return Line(errors[0]);
        }

        var text = new StringBuilder();
        for (var i = 0; i < errors.Count; i++)
        {
            var line = Line(errors[i]);
            if (i > 0 && text.Length + line.Length > MaxDenialLength)
            {
                return text.Append(CultureInfo.InvariantCulture, $"\n... and {errors.Count - i} more findings; enmasse-policy validate lists them all").ToString();
            }

            text.Append(i > 0 ? "\n" : string.Empty).Append(line);
        }

        return text.ToString();
    }

    private static string Line(Finding finding) => $"[{finding.Rule}] {finding.Path}: {finding.Message}";

    /// <summary>
    /// The findings that match, ordered by path, rule and message. Findings equal in all three
    /// read the same, so an unstable sort gives the same text as a stable one.
    /// </summary>
    private static List<Finding> Canonical(IReadOnlyList<Finding> findings, Func<Finding, bool> match)
    {
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (match(finding))
            {
                result.Add(finding);
            }
        }

        if (result.Count > 1)
        {
            result.Sort(static (x, y) =>
            {
                var order = string.CompareOrdinal(x.Path, y.Path);
                order = order != 0 ? order : string.CompareOrdinal(x.Rule, y.Rule);
                return order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
            });
        }

        return result;
    }

    /// <summary>One warning per warning finding, each within 120 characters, all within 4 KiB, as the API server limits them.</summary>
    public static IReadOnlyList<string> Warnings(Decision decision)
    {
        var result = new List<string>();
        var total = 0;
        foreach (var finding in Canonical(decision.Findings, f => f.Warns))
        {
            var text = Line(finding);
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

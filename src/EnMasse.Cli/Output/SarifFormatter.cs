using System.Text.Encodings.Web;
using System.Text.Json;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>SARIF 2.1.0: one reporting descriptor per rule id, one result per finding.</summary>
internal static class SarifFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private const string SourceRoot = "%SRCROOT%";

    public static string Format(Report report)
    {
        var result = report.Result;
        var ids = RuleRegistry.All.Select(r => r.Id).ToList();
        foreach (var extra in result.Findings.Select(f => f.Rule).Where(r => !ids.Contains(r)).Distinct().Order(StringComparer.Ordinal))
        {
            ids.Add(extra);
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "enmasse-policy");
            json.WriteString("semanticVersion", "0.1.0");
            json.WriteStartArray("rules");
            foreach (var id in ids)
            {
                WriteRule(json, id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            WriteInvocation(json, report.Notes);
            json.WriteStartArray("results");
            foreach (var f in result.Findings)
            {
                WriteResult(json, f, ids.IndexOf(f.Rule));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRule(Utf8JsonWriter json, string id)
    {
        var rule = RuleRegistry.Find(id);
        var summary = rule?.Summary ?? (id.StartsWith("policy.", StringComparison.Ordinal) ? "a problem in the policy files" : id);
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", summary);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", $"{id}: {summary}.{(rule is { Fixed: true } ? " This rule is fixed: the policy cannot switch it off." : " The policy may change its severity or switch it off (spec.rules).")}");
        json.WriteEndObject();
        if (RuleLinks.ForRule(id) is { } page && rule is not null)
        {
            json.WriteString("helpUri", page);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule?.DefaultSeverity == Severity.Warning ? "warning" : "error");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The notes, as the run's tool execution notifications: they are not results of a rule.</summary>
    private static void WriteInvocation(Utf8JsonWriter json, IReadOnlyList<Note> notes)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var note in notes)
        {
            json.WriteStartObject();
            json.WriteString("level", note.Level == NoteLevel.Warning ? "warning" : "note");
            json.WriteStartObject("message");
            json.WriteString("text", note.Message);
            json.WriteEndObject();
            if (note.File is not null)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                WritePhysicalLocation(json, note.File, note.Line, note.Column);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, string? file, int line, int column)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = Uri(file);
        json.WriteString("uri", uri);
        if (relative)
        {
            json.WriteString("uriBaseId", SourceRoot);
        }

        json.WriteEndObject();
        if (line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteNumber("startColumn", column);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// A path as a URI reference: an absolute path as a file:// URI, a relative one relative to
    /// %SRCROOT% (the checkout, where code scanning resolves it); each segment percent-encoded so
    /// names such as &lt;stdin&gt; stay valid references.
    /// </summary>
    public static (string Uri, bool Relative) Uri(string? file)
    {
        var path = (file ?? InputNames.Unnamed).Replace('\\', '/');
        var encoded = string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
        return path.StartsWith('/') ? ("file://" + encoded, false) : (encoded, true);
    }

    private static void WriteResult(Utf8JsonWriter json, Finding f, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", f.Rule);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", f.Exempted ? "note" : f.Severity == Severity.Error ? "error" : "warning");
        json.WriteStartObject("message");
        json.WriteString("text", f.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, f.File, f.Line, f.Column);
        if (f.Path.Length > 0)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", $"{f.Kind}/{f.Namespace}/{f.Name}:{f.Path}");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        if (f.Exempted)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", "exempted by the admission policy");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}

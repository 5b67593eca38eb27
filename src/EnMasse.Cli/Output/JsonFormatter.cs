using System.Text.Encodings.Web;
using System.Text.Json;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>The JSON report of cli.md: one object with version, summary and findings. Field names are a contract.</summary>
internal static class JsonFormatter
{
    public static string Format(Report report)
    {
        var result = report.Result;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartObject("summary");
            json.WriteNumber("files", result.Files);
            json.WriteNumber("skipped", result.SkippedFiles);
            json.WriteNumber("resources", result.Resources.Count);
            json.WriteNumber("errors", result.Errors);
            json.WriteNumber("warnings", result.Warnings);
            json.WriteNumber("exempted", result.Exempted);
            json.WriteEndObject();
            if (report.Audit is { } audit)
            {
                // Only in an audit's report: what was read, and what could not be.
                json.WriteStartObject("audit");
                json.WriteString("source", audit.Source);
                json.WriteNumber("namespaces", audit.Namespaces);
                json.WriteString("policy", audit.PolicyName);
                json.WriteString("enforcementPoint", audit.Point.ToName());
                json.WriteStartArray("unreadable");
                foreach (var line in audit.Unreadable)
                {
                    json.WriteStringValue(line);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                WriteFinding(json, f);
            }

            json.WriteEndArray();
            WriteNotes(json, report.Notes);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One finding as the report's findings hold it; the impact report writes its findings the same way.</summary>
    public static void WriteFinding(Utf8JsonWriter json, Finding f)
    {
        json.WriteStartObject();
        json.WriteString("rule", f.Rule);
        json.WriteString("severity", f.Severity.ToName());
        json.WriteString("message", f.Message);
        json.WriteString("file", f.File);
        json.WriteNumber("line", f.Line);
        json.WriteNumber("column", f.Column);
        json.WriteString("kind", f.Kind);
        json.WriteString("namespace", f.Namespace);
        json.WriteString("name", f.Name);
        json.WriteString("path", f.Path);
        json.WriteBoolean("exempted", f.Exempted);
        json.WriteEndObject();
    }

    public static void WriteNotes(Utf8JsonWriter json, IReadOnlyList<Note> notes)
    {
        json.WriteStartArray("notes");
        foreach (var note in notes)
        {
            json.WriteStartObject();
            json.WriteString("level", note.Label);
            json.WriteString("message", note.Message);
            json.WriteString("file", note.File);
            json.WriteNumber("line", note.Line);
            json.WriteNumber("column", note.Column);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

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
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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
            json.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", f.Rule);
                json.WriteString("severity", f.Severity == Severity.Error ? "error" : "warning");
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

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in report.Notes)
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
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

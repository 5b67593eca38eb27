using System.Text;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>GitHub Actions workflow commands, so findings show as annotations on the pull request's lines.</summary>
internal static class GithubFormatter
{
    public static string Format(Report report)
    {
        var result = report.Result;
        var text = new StringBuilder();
        foreach (var f in result.Findings)
        {
            var command = f.Exempted ? "notice" : f.Severity == Severity.Error ? "error" : "warning";
            text.Append("::").Append(command).Append(" file=").Append(Property(f.File ?? string.Empty));
            if (f.Line > 0)
            {
                text.Append(",line=").Append(f.Line).Append(",col=").Append(f.Column);
            }

            text.Append(",title=").Append(Property(f.Rule)).Append("::").Append(Data(f.Message)).Append('\n');
        }

        foreach (var note in report.Notes)
        {
            text.Append("::").Append(note.Level == NoteLevel.Warning ? "warning" : "notice");
            if (note.File is not null)
            {
                text.Append(" file=").Append(Property(note.File));
                if (note.Line > 0)
                {
                    text.Append(",line=").Append(note.Line).Append(",col=").Append(note.Column);
                }
            }

            text.Append("::").Append(Data(note.Message)).Append('\n');
        }

        text.Append(TextFormatter.Summary(report)).Append('\n');
        return text.ToString();
    }

    // The escapes the runner defines for workflow command data and properties.
    private static string Data(string value) => value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string value) => Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}

using System.Text;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary><c>FILE:LINE:COLUMN: SEVERITY RULE: MESSAGE</c> lines, the notes, where to read about the rules that fired, and a summary line.</summary>
internal static class TextFormatter
{
    public static string Format(Report report, bool color)
    {
        var result = report.Result;
        var text = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            var label = Label(finding);
            var shown = color ? Paint(label, finding) : label;
            text.Append(Location(finding)).Append(": ").Append(shown).Append(' ').Append(finding.Rule).Append(": ").Append(finding.Message).Append('\n');
        }

        foreach (var note in report.Notes)
        {
            text.Append(Line(note)).Append('\n');
        }

        if (Hint(result) is { } hint)
        {
            text.Append(hint).Append('\n');
        }

        text.Append(Summary(report)).Append('\n');
        return text.ToString();
    }

    /// <summary>FILE:LINE:COLUMN; without a position (an audited object, named namespace/Kind/name) the object and the path.</summary>
    public static string Location(Finding finding) =>
        finding.Line > 0 ? $"{finding.File ?? InputNames.Unnamed}:{finding.Line}:{finding.Column}"
        : finding.Kind is not null && finding.Path.Length > 0 ? $"{finding.File ?? InputNames.Unnamed} {finding.Path}"
        : finding.File ?? InputNames.Unnamed;

    public static string Label(Finding finding) => finding.Exempted ? "exempted" : finding.Severity.ToName();

    /// <summary>A finding as one line without colour: FILE:LINE:COLUMN: SEVERITY RULE: MESSAGE.</summary>
    public static string Line(Finding f) => $"{Location(f)}: {Label(f)} {f.Rule}: {f.Message}";

    /// <summary>A note as a line of its own, placed like a finding when it has a place.</summary>
    public static string Line(Note note)
    {
        var where = note.File is null ? string.Empty : note.Line > 0 ? $"{note.File}:{note.Line}:{note.Column}: " : $"{note.File}: ";
        return $"{where}{note.Label}: {note.Message}";
    }

    /// <summary>Where the rules that fired are explained: the explain command, and their pages when the build knows where the docs live.</summary>
    public static string? Hint(BatchResult result)
    {
        var rules = result.Findings.Where(f => !f.Exempted).Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
        if (rules.Count == 0)
        {
            return null;
        }

        var pages = RuleLinks.BaseUrl is null ? string.Empty : $"; {string.Join(", ", rules.Take(3).Select(RuleLinks.For))}{(rules.Count > 3 ? ", ..." : string.Empty)}";
        return $"hint: 'enmasse-policy explain {rules[0]}' says what a rule checks and how to fix it{pages}";
    }

    /// <summary>The closing line: files and resources for a check of files, objects and namespaces for an audit.</summary>
    public static string Summary(Report report)
    {
        if (report.Audit is not { } audit)
        {
            return Summary(report.Result);
        }

        var result = report.Result;
        var exempted = result.Exempted > 0 ? $", {result.Exempted} exempted" : string.Empty;
        var unread = audit.Unreadable.Count > 0 ? $"; {Count(audit.Unreadable.Count, "resource")} could not be read, so the audit is incomplete" : string.Empty;
        return $"audited {Count(result.Resources.Count, "object")} in {Count(audit.Namespaces, "namespace")} ({audit.Source}): {Count(result.Errors, "error")}, {Count(result.Warnings, "warning")}{exempted}{unread}";
    }

    public static string Summary(BatchResult result)
    {
        var files = $"{result.Files} file{(result.Files == 1 ? string.Empty : "s")}";
        var skipped = result.SkippedFiles > 0 ? $" ({result.SkippedFiles} without EnMasse objects, skipped)" : string.Empty;
        var exempted = result.Exempted > 0 ? $", {result.Exempted} exempted" : string.Empty;
        return $"{files}{skipped}, {result.Resources.Count} resource{(result.Resources.Count == 1 ? string.Empty : "s")}: {Count(result.Errors, "error")}, {Count(result.Warnings, "warning")}{exempted}";
    }

    private static string Count(int n, string word) => $"{n} {word}{(n == 1 ? string.Empty : "s")}";

    private static string Paint(string label, Finding finding)
    {
        var code = finding.Exempted ? "2" : finding.Severity == Severity.Error ? "31" : "33";
        return $"\u001b[{code}m{label}\u001b[0m";
    }
}

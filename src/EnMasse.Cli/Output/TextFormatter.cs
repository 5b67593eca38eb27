using System.Text;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary><c>FILE:LINE:COLUMN: SEVERITY RULE: MESSAGE</c> lines and a summary line.</summary>
internal static class TextFormatter
{
    public static string Format(BatchResult result, bool color)
    {
        var text = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            var label = Label(finding);
            var shown = color ? Paint(label, finding) : label;
            text.Append(Location(finding)).Append(": ").Append(shown).Append(' ').Append(finding.Rule).Append(": ").Append(finding.Message).Append('\n');
        }

        text.Append(Summary(result)).Append('\n');
        return text.ToString();
    }

    public static string Location(Finding finding) =>
        finding.Line > 0 ? $"{finding.File ?? "<input>"}:{finding.Line}:{finding.Column}" : finding.File ?? "<input>";

    public static string Label(Finding finding) => finding.Exempted ? "exempted" : finding.Severity.ToName();

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

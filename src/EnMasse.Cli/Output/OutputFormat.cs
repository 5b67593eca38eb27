namespace EnMasse.Cli.Output;

/// <summary>The formats of --output. Each is a pure function of the batch result: a format never changes what is found.</summary>
internal static class OutputFormat
{
    public static readonly string[] Names = ["text", "json", "junit", "sarif", "github"];

    /// <summary>An audit's formats: the same, and PolicyReports.</summary>
    public static readonly string[] AuditNames = [.. Names, "policyreport"];

    public static string Render(string format, Report report, bool color) => format switch
    {
        "json" => JsonFormatter.Format(report),
        "junit" => JunitFormatter.Format(report),
        "sarif" => SarifFormatter.Format(report),
        "github" => GithubFormatter.Format(report),
        "policyreport" => PolicyReportFormatter.Format(report),
        _ => TextFormatter.Format(report, color),
    };
}

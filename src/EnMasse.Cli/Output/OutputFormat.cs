using EnMasse.Policy.Engine;

namespace EnMasse.Cli.Output;

/// <summary>The formats of --output. Each is a pure function of the batch result: a format never changes what is found.</summary>
internal static class OutputFormat
{
    public static readonly string[] Names = ["text", "json", "junit", "sarif", "github"];

    public static string Render(string format, BatchResult result, bool color) => format switch
    {
        "json" => JsonFormatter.Format(result),
        "junit" => JunitFormatter.Format(result),
        "sarif" => SarifFormatter.Format(result),
        "github" => GithubFormatter.Format(result),
        _ => TextFormatter.Format(result, color),
    };
}

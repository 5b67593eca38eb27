using EnMasse.Cli.Console;

namespace EnMasse.Cli.Commands;

/// <summary>Writes a rendered report to standard output, or to --output-file with the summary line on standard output.</summary>
internal static class ReportWriter
{
    /// <summary>Null when written; else the exit code of a file that cannot be written (said on standard error).</summary>
    public static int? Write(CliConsole console, string command, string rendered, string? file, string summary)
    {
        if (file is null)
        {
            console.Out.Write(rendered);
            return null;
        }

        try
        {
            File.WriteAllText(Path.GetFullPath(file, console.WorkingDirectory), rendered);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckInputs.Usage(console, command, $"--output-file {file}: cannot be written: {e.Message}");
        }

        console.Out.WriteLine(summary);
        return null;
    }
}

using EnMasse.Cli.Output;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary>Prints findings that stop a run (an invalid policy) as FILE:LINE:COLUMN lines on standard error.</summary>
internal static class FindingPrinter
{
    /// <summary>A headline and the findings that stop the run, on standard error; the exit code of a run that could not be made.</summary>
    public static int Stop(TextWriter error, string headline, IEnumerable<Finding> findings)
    {
        error.WriteLine(headline);
        Print(error, findings);
        return ExitCodes.Usage;
    }

    public static void Print(TextWriter writer, IEnumerable<Finding> findings)
    {
        foreach (var f in findings)
        {
            writer.WriteLine(TextFormatter.Line(f));
        }
    }
}

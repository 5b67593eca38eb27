using EnMasse.Cli.Output;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary>Prints findings that stop a run (an invalid policy) as FILE:LINE:COLUMN lines on standard error.</summary>
internal static class FindingPrinter
{
    public static void Print(TextWriter writer, IEnumerable<Finding> findings)
    {
        foreach (var f in findings)
        {
            writer.WriteLine($"{TextFormatter.Location(f)}: {TextFormatter.Label(f)} {f.Rule}: {f.Message}");
        }
    }
}

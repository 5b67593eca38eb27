using EnMasse.Cli.Console;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Policies;

namespace EnMasse.Cli.Commands;

/// <summary>What validate and mutate both start from: the policy, the files to check and the --catalog files.</summary>
internal sealed record CheckInputs(PolicyBundle Bundle, IReadOnlyList<ReadResult> Files, IReadOnlyList<ReadResult> CatalogFiles)
{
    /// <summary>Loads them, or prints why not (on standard error) and gives the exit code.</summary>
    public static (CheckInputs? Inputs, int ExitCode) Load(CliArguments parsed, CliConsole console, string command)
    {
        var policy = PolicyResolver.Resolve(parsed.Value("--policies"), console);
        if (!policy.Succeeded)
        {
            console.Error.WriteLine("enmasse-policy: the policy does not load:");
            FindingPrinter.Print(console.Error, policy.Findings);
            return (null, ExitCodes.Usage);
        }

        var paths = parsed.Positional.Count > 0 ? parsed.Positional : ["."];
        var (files, inputError) = InputReader.Read(paths, console.In, console.WorkingDirectory);
        if (inputError is not null)
        {
            return (null, Usage(console, command, inputError));
        }

        var (catalogFiles, catalogError) = InputReader.Read(parsed.Values("--catalog"), console.In, console.WorkingDirectory);
        if (catalogError is not null)
        {
            return (null, Usage(console, command, "--catalog " + catalogError));
        }

        if (catalogFiles.SelectMany(f => f.FileFindings).ToList() is { Count: > 0 } broken)
        {
            console.Error.WriteLine("enmasse-policy: a --catalog file does not parse:");
            FindingPrinter.Print(console.Error, broken);
            return (null, ExitCodes.Usage);
        }

        return (new CheckInputs(policy.Bundle!, files, catalogFiles), ExitCodes.Ok);
    }

    public static int Usage(CliConsole console, string command, string message)
    {
        console.Error.WriteLine($"enmasse-policy {command}: {message}");
        console.Error.WriteLine($"Run 'enmasse-policy {command} --help' for usage.");
        return ExitCodes.Usage;
    }
}

using System.Text;
using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy mutate</c>: the files as the mutating webhook would leave their objects.</summary>
internal static class MutateCommand
{
    public const string Help = """
        Usage: enmasse-policy mutate [PATH ...] [options]

        Prints every document of the files with the defaults the mutating webhook applies
        (endpoints, certificate providers, authentication service, spec.address). Key order is
        kept; comments are not. Other documents are printed unchanged.

        --diff              print a unified diff against the input instead
        --policies DIR      as for validate
        --catalog PATH      as for validate (repeatable)
        --namespace NS      as for validate

        Exit codes: 0 printed (a diff may be empty), 2 the run could not be made.
        """;

    private static readonly HashSet<string> Valued = ["--policies", "--catalog", "--namespace"];
    private static readonly HashSet<string> Flags = ["--diff", "--help"];

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var (parsed, parseExit) = CliArguments.ForCommand(args, Valued, Flags, Help, "mutate", console);
        if (parsed is null)
        {
            return parseExit;
        }

        var (inputs, exit) = CheckInputs.Load(parsed, console, "mutate");
        if (inputs is null)
        {
            return exit;
        }

        var (bundle, files, catalogFiles) = inputs;
        if (files.SelectMany(f => f.FileFindings).ToList() is { Count: > 0 } broken)
        {
            console.Error.WriteLine("enmasse-policy mutate: these files do not parse, nothing was printed:");
            FindingPrinter.Print(console.Error, broken);
            return ExitCodes.Usage;
        }

        var check = new OfflineCheck(bundle, files, catalogFiles, parsed.Value("--namespace"), EnforcementPoint.Ci);
        foreach (var file in files)
        {
            var mutated = Render(file, check);
            console.Out.Write(parsed.Has("--diff") ? LineDiff.Unified(Render(file, null), mutated, file.File) : mutated);
        }

        return ExitCodes.Ok;
    }

    /// <summary>The file's documents as YAML, mutated when a check is given; the same writer both ways so a diff shows only the defaults.</summary>
    private static string Render(ReadResult file, OfflineCheck? check)
    {
        var text = new StringBuilder();
        foreach (var document in file.Documents.SelectMany(ListExpander.Expand))
        {
            if (document.Root is ScalarNode { IsNull: true })
            {
                continue;
            }

            var root = document.Root;
            if (check is not null && Resource.From(root, check.Namespace, document.File) is { } resource)
            {
                root = check.Evaluate(document, resource).Decision.Resource?.Root ?? root;
            }

            text.Append("---\n").Append(YamlWriter.Write(root));
        }

        return text.ToString();
    }

    private static int Usage(CliConsole console, string message) => CheckInputs.Usage(console, "mutate", message);
}

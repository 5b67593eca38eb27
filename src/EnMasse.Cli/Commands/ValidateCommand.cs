using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy validate</c>: the verdict the webhook would give, for files in a pull request.</summary>
internal static class ValidateCommand
{
    public const string Help = """
        Usage: enmasse-policy validate [PATH ...] [options]

        Checks EnMasse AddressSpaces, Addresses and MessagingUsers offline and gives the verdict
        the admission webhook would give on kubectl apply.

        PATH                  a file (.yaml, .yml, .json), a directory (walked recursively,
                              hidden folders skipped) or - for standard input. Default: .
                              Multi-document files and kind: List are read; files without
                              EnMasse objects are skipped and counted.
        --policies DIR        the policy directory (default ./policies when it exists, else the
                              built-in default policy)
        --catalog PATH        objects that exist in the cluster (repeatable), e.g. the output of
                              kubectl get addressspaces,addresses -A -o yaml. A file's object
                              found there is judged as an UPDATE against it.
        --namespace NS        namespace of objects that name none (default: default)
        --output FORMAT       text (default), json, junit, sarif or github
        --output-file FILE    write the report to FILE instead of standard output
        --strict              warnings fail the run too
        --no-color            no colour (colour is only used on a terminal without NO_COLOR)

        Exit codes:
          0  no error findings (warnings allowed unless --strict)
          1  at least one error finding (a YAML syntax error in a checked file is one)
          2  the run could not be made: bad flags, a missing path, an invalid policy
        """;

    private static readonly HashSet<string> Valued = ["--policies", "--catalog", "--namespace", "--output", "--output-file"];
    private static readonly HashSet<string> Flags = ["--strict", "--no-color", "--help"];

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var (parsed, parseExit) = CliArguments.ForCommand(args, Valued, Flags, Help, "validate", console);
        if (parsed is null)
        {
            return parseExit;
        }

        var format = parsed.Value("--output") ?? "text";
        if (!OutputFormat.Names.Contains(format))
        {
            return Usage(console, $"--output must be one of {string.Join(", ", OutputFormat.Names)}, not \"{format}\"");
        }

        var (inputs, exit) = CheckInputs.Load(parsed, console, "validate");
        if (inputs is null)
        {
            return exit;
        }

        var result = BatchValidator.Validate(inputs.Bundle, inputs.Files, inputs.CatalogFiles, parsed.Value("--namespace"), EnforcementPoint.Ci);
        var outputFile = parsed.Value("--output-file");
        var color = outputFile is null && !parsed.Has("--no-color") && console.OutIsTerminal && string.IsNullOrEmpty(console.Environment("NO_COLOR"));
        var report = OutputFormat.Render(format, result, color);
        if (outputFile is null)
        {
            console.Out.Write(report);
        }
        else
        {
            try
            {
                File.WriteAllText(Path.GetFullPath(outputFile, console.WorkingDirectory), report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Usage(console, $"--output-file {outputFile}: cannot be written: {e.Message}");
            }

            console.Out.WriteLine(TextFormatter.Summary(result));
        }

        var failed = result.Errors > 0 || (parsed.Has("--strict") && result.Warnings > 0);
        return failed ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static int Usage(CliConsole console, string message) => CheckInputs.Usage(console, "validate", message);
}

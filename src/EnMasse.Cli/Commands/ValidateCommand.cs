using System.CommandLine;
using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy validate</c>: the verdict the webhook would give, for files in a pull request.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console, CommonOptions options)
    {
        var command = new Command("validate", "Check tenant files offline: the verdict the webhook would give on kubectl apply.");
        var paths = CommonOptions.Paths(command);
        var output = CommonOptions.Output(CommonOptions.ValidateFormats);
        var outputFile = CommonOptions.OutputFile();
        var strict = new Option<bool>("--strict") { Description = "Warnings fail the run too." };
        var noColor = new Option<bool>("--no-color") { Description = "No colour (colour is used only on a terminal, and never when NO_COLOR is set)." };
        command.Add(paths);
        options.AddTo(command);
        command.Add(output);
        command.Add(outputFile);
        command.Add(strict);
        command.Add(noColor);
        Epilogues.Attach(command, """
            Checks EnMasse AddressSpaces, Addresses and MessagingUsers offline and gives the verdict the
            admission webhook would give on kubectl apply. Multi-document files and kind: List are read; files
            without EnMasse objects are skipped and counted; Helm templates are skipped with the command that
            checks their output; a directory with a kustomization is checked as kubectl kustomize renders it.

            Examples:
              enmasse-policy validate                          # the configured paths, else .
              enmasse-policy validate team1/ -o sarif --output-file results.sarif
              helm template charts/msg | enmasse-policy validate --stdin-name charts/msg -
              kubectl kustomize overlays/prod | enmasse-policy validate -

            Exit codes:
              0  no error findings (warnings allowed unless --strict)
              1  at least one error finding (a YAML syntax error in a checked file is one)
              2  the run could not be made: bad options, a missing path, empty standard input, an invalid policy
            """);
        command.SetAction(parsed => Run(parsed, console, options, paths, output, outputFile, strict, noColor));
        return command;
    }

    private static int Run(ParseResult parsed, CliConsole console, CommonOptions options, Argument<string[]> paths, Option<string> output, Option<string?> outputFile, Option<bool> strict, Option<bool> noColor)
    {
        var (inputs, exit) = CheckInputs.Load(parsed, options, paths, console, "validate");
        if (inputs is null)
        {
            return exit;
        }

        var parts = inputs.Inputs.Groups.Select(group => BatchValidator.Validate(inputs.Bundle, group, inputs.CatalogFiles, inputs.Namespace, EnforcementPoint.Ci)).ToList();
        var result = Report.Merge(parts);
        var notes = inputs.Notes.Concat(RunNotes.For(result, inputs.Namespace)).ToList();
        var report = new Report(result, notes);
        var file = parsed.GetValue(outputFile);
        var color = file is null && !parsed.GetValue(noColor) && console.OutIsTerminal && string.IsNullOrEmpty(console.Environment("NO_COLOR"));
        var rendered = OutputFormat.Render(parsed.GetValue(output)!, report, color);
        if (ReportWriter.Write(console, "validate", rendered, file, TextFormatter.Summary(report)) is { } failure)
        {
            return failure;
        }

        var failed = result.Errors > 0 || (parsed.GetValue(strict) && result.Warnings > 0);
        return failed ? ExitCodes.Findings : ExitCodes.Ok;
    }
}

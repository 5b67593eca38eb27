using System.CommandLine;
using System.Text;
using EnMasse.Cli.Console;
using EnMasse.Cli.Editing;
using EnMasse.Cli.Output;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary>
/// <c>enmasse-policy mutate</c>: the defaults the mutating webhook would add, written into the
/// files' own text (printed, as a diff, or in place), so comments and style survive.
/// </summary>
internal static class MutateCommand
{
    public static Command Create(CliConsole console, CommonOptions options)
    {
        var command = new Command("mutate", "Add the defaults the mutating webhook applies to the files themselves (print, --diff or --write).");
        var paths = CommonOptions.Paths(command);
        var diff = new Option<bool>("--diff") { Description = "Print a unified diff of the files against their text with the defaults (applies with git apply or patch -p1 from the working directory)." };
        var write = new Option<bool>("--write", "-w") { Description = "Write the defaults into the files in place; prints one line per changed file." };
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit 1 when a default is missing from a file, so CI can require explicit defaults." };
        command.Add(paths);
        options.AddTo(command);
        command.Add(diff);
        command.Add(write);
        command.Add(exitCode);
        command.Validators.Add(result =>
        {
            if (result.GetValue(diff) && result.GetValue(write))
            {
                result.AddError("--diff and --write exclude each other");
            }
        });
        Epilogues.Attach(command, """
            Adds the defaults the mutating webhook applies (endpoints, certificate providers, authentication
            service, spec.address) to the files' own text: only the missing keys are inserted, at their
            mapping's place and indentation, so comments, quoting, flow or block style and CRLF stay as they
            were. Prints the files (default), a unified diff (--diff), or rewrites them (--write).

            Examples:
              enmasse-policy mutate team1/space.yaml              # the file with its defaults
              enmasse-policy mutate --diff . | git apply          # the same change, as a patch
              enmasse-policy mutate --diff --exit-code .          # CI: fail until defaults are explicit

            Exit codes:
              0  done (nothing to add, or added/printed)
              1  with --exit-code: a file misses a default
              2  the run could not be made, or a file does not parse
            """);
        command.SetAction(parsed => Run(parsed, console, options, paths, parsed.GetValue(diff), parsed.GetValue(write), parsed.GetValue(exitCode)));
        return command;
    }

    private static int Run(ParseResult parsed, CliConsole console, CommonOptions options, Argument<string[]> paths, bool diff, bool write, bool exitCode)
    {
        var stdin = new RecordingStream(console.In);
        console = console with { In = stdin };
        var (inputs, exit) = CheckInputs.Load(parsed, options, paths, console, "mutate");
        if (inputs is null)
        {
            return exit;
        }

        var files = inputs.Inputs.Files;
        if (files.SelectMany(f => f.FileFindings).ToList() is { Count: > 0 } broken)
        {
            console.Error.WriteLine("enmasse-policy mutate: these files do not parse, nothing was changed:");
            FindingPrinter.Print(console.Error, broken);
            return ExitCodes.Usage;
        }

        if (write && (parsed.GetValue(paths) ?? []).Contains("-"))
        {
            return CheckInputs.Usage(console, "mutate", "--write edits files; standard input has no file to write (use --diff or no option)");
        }

        foreach (var note in inputs.Notes.Concat(inputs.Inputs.Builds.Select(b => Note.Warn("a kustomize build has no file of its own to add defaults to; mutate its sources", b.File))))
        {
            console.Error.WriteLine(TextFormatter.Line(note));
        }

        var check = new OfflineCheck(inputs.Bundle, files, inputs.CatalogFiles, inputs.Namespace, EnforcementPoint.Ci);
        var changed = 0;
        var printed = 0;
        foreach (var file in files)
        {
            var (original, bom) = Text(file, console, stdin);
            var edits = Edits(file, check);
            var (insertions, problems) = DefaultsEditor.Plan(original, DocumentLoader.IsJson(file.File), edits);
            foreach (var problem in problems)
            {
                console.Error.WriteLine($"{file.File}: {problem}");
            }

            if (insertions.Count > 0)
            {
                changed++;
            }

            if (diff)
            {
                // Each object read with its kind's schema, so a password typed as a key name counts too.
                var secrets = SecretScrubber.CollectAll(file.Documents.SelectMany(ListExpander.Expand).Select(d => d.Root), inputs.Bundle.Policy.EnMasseVersion);
                console.Out.Write(UnifiedDiff.Format(file.File, original, insertions, secrets.Holds));
            }
            else if (write)
            {
                if (insertions.Count > 0)
                {
                    File.WriteAllText(Path.GetFullPath(file.File, console.WorkingDirectory), DefaultsEditor.Apply(original, insertions), new UTF8Encoding(bom));
                    console.Out.WriteLine($"{file.File}: added {Describe(edits)}");
                }
            }
            else
            {
                var text = DefaultsEditor.Apply(original, insertions);
                if (printed++ > 0 && !text.StartsWith("---", StringComparison.Ordinal))
                {
                    console.Out.Write("---\n");
                }

                console.Out.Write(text.Length == 0 || text.EndsWith('\n') ? text : text + "\n");
            }
        }

        return exitCode && changed > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>The defaults each object of the file gets, keeping only those whose parent the text already holds: a default below another default is part of that one's value.</summary>
    private static List<ObjectEdit> Edits(ReadResult file, OfflineCheck check)
    {
        var edits = new List<ObjectEdit>();
        foreach (var document in file.Documents.SelectMany(ListExpander.Expand))
        {
            if (Resource.From(document.Root, check.Namespace, document.File) is not { } resource)
            {
                continue;
            }

            var decision = check.Evaluate(document, resource).Decision;
            if (decision.Resource is not { } mutated || decision.Patch.Count == 0)
            {
                continue;
            }

            var added = new List<Addition>();
            var paths = decision.Patch.Select(p => Segments(p.Path)).ToList();
            foreach (var segments in paths)
            {
                var nested = paths.Any(other => other.Count < segments.Count && other.SequenceEqual(segments.Take(other.Count)));
                if (!nested && At(mutated.Root, segments) is { } value)
                {
                    added.Add(new Addition(segments, value));
                }
            }

            edits.Add(new ObjectEdit(document.Root.Start, added));
        }

        return edits;
    }

    private static string Describe(IReadOnlyList<ObjectEdit> edits) =>
        string.Join(", ", edits.SelectMany(e => e.Additions).Select(a => string.Join('.', a.Segments.Select(s => int.TryParse(s, out _) ? $"[{s}]" : s)).Replace(".[", "[", StringComparison.Ordinal)));

    private static IReadOnlyList<string> Segments(string pointer) =>
        [.. pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static Node? At(Node root, IReadOnlyList<string> segments)
    {
        Node? node = root;
        foreach (var segment in segments)
        {
            node = node switch
            {
                MappingNode mapping => mapping.Get(segment),
                SequenceNode sequence when int.TryParse(segment, System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sequence.Items.Count => sequence.Items[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The file's text as it is on disk (and whether it starts with a byte order mark), or as standard input gave it.</summary>
    private static (string Text, bool Bom) Text(ReadResult file, CliConsole console, RecordingStream stdin)
    {
        var full = Path.GetFullPath(file.File, console.WorkingDirectory);
        if (!File.Exists(full))
        {
            return (stdin.Text, false);
        }

        var bytes = File.ReadAllBytes(full).AsSpan();
        var bom = bytes.StartsWith(Encoding.UTF8.Preamble);
        return (Encoding.UTF8.GetString(bom ? bytes[3..] : bytes), bom);
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using EnMasse.Cli.Commands;
using EnMasse.Cli.Console;
using EnMasse.Policy.Naming;

namespace EnMasse.Cli;

/// <summary>
/// The command line: System.CommandLine parses it from options declared once with their
/// descriptions, so --help cannot drift from the flags. Tests call <see cref="Run"/> in process
/// with their own console.
/// </summary>
internal static class CliApp
{
    public const string Name = "enmasse-policy";

    /// <summary>How kubectl runs the plugin (a file named kubectl-enmasse_policy on PATH), and what its usage then says.</summary>
    public const string PluginExecutable = "kubectl-enmasse_policy";

    public const string PluginName = "kubectl enmasse-policy";

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        try
        {
            var root = Build(console);
            if (args.Count == 0)
            {
                // No command is a usage error: the overview goes to standard error, and the run exits 2.
                root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = console.Error, Error = console.Error });
                return ExitCodes.Usage;
            }

            var parsed = root.Parse(args);
            if (parsed.Action is ParseErrorAction)
            {
                return ParseErrors.Print(parsed, console);
            }

            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return parsed.Invoke(configuration);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug: say so in one line, never with a stack trace, and exit as "could not run".
            console.Error.WriteLine($"{Name}: internal error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>The command tree for one run; built per run because a symbol remembers its parents.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var options = new CommonOptions();
        var root = new RootCommand("Checks EnMasse AddressSpaces, Addresses and MessagingUsers offline, with the verdict the admission webhook gives on kubectl apply.")
        {
            HelpName = console.InvokedAsPlugin ? PluginName : Name,
        };
        root.Add(ValidateCommand.Create(console, options));
        root.Add(MutateCommand.Create(console, options));
        root.Add(AuditCommand.Create(console));
        root.Add(TestCommand.Create(console));
        root.Add(PolicyCommand.Create(console));
        root.Add(RulesCommand.Create(console));
        root.Add(ExplainCommand.Create(console));
        root.Add(CertsCommand.Create(console));
        root.Add(CompletionCommand.Create(console));
        root.Add(HelpCommand.Create(console));
        Epilogues.Attach(root, """
            Run 'enmasse-policy help COMMAND' or 'enmasse-policy COMMAND --help' for a command's options.
            Exit codes: 0 no error findings, 1 error findings, 2 the run could not be made, 3 (audit) a resource could not be read.
            """);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithEpilogue((SynchronousCommandLineAction)help.Action!);
        return root;
    }

    /// <summary>The default help, then the command's epilogue (exit codes, examples) that System.CommandLine has no section for.</summary>
    private sealed class HelpWithEpilogue(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            if (Epilogues.Of(parseResult.CommandResult.Command) is { } epilogue)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(epilogue.TrimEnd());
                output.WriteLine();
            }

            return ExitCodes.Ok;
        }
    }

    /// <summary>Parse errors as one line each, a did-you-mean for a mistyped command, the way to help, and exit 2.</summary>
    private static class ParseErrors
    {
        public static int Print(ParseResult parsed, CliConsole console)
        {
            var command = parsed.CommandResult.Command;
            var path = string.Join(' ', CommandPath(command));
            var usageName = console.InvokedAsPlugin ? PluginName : Name;
            var shown = path.Length == 0 ? usageName : $"{usageName} {path}";
            var unknownCommand = command.Subcommands.Count > 0 && parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null;
            foreach (var message in parsed.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
            {
                // The did-you-mean line below says it better than "Required command" or "Unrecognized command".
                if (unknownCommand is not null && (message.StartsWith("Required command", StringComparison.Ordinal) || message.StartsWith("Unrecognized command", StringComparison.Ordinal)))
                {
                    continue;
                }

                console.Error.WriteLine($"{shown}: {message}");
            }

            if (unknownCommand is not null)
            {
                var hint = Names.DidYouMean(unknownCommand, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
                console.Error.WriteLine($"{shown}: unknown command \"{unknownCommand}\"{hint}");
            }

            console.Error.WriteLine($"Run '{shown} --help' for usage.");
            return ExitCodes.Usage;
        }

        private static IEnumerable<string> CommandPath(Command command)
        {
            var names = new Stack<string>();
            for (Symbol? s = command; s is Command c and not RootCommand; s = s.Parents.FirstOrDefault())
            {
                names.Push(c.Name);
            }

            return names;
        }
    }
}

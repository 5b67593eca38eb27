using EnMasse.Cli.Commands;
using EnMasse.Cli.Console;

namespace EnMasse.Cli;

/// <summary>The command dispatcher; tests call it in process with their own console.</summary>
internal static class CliApp
{
    public const string Help = """
        enmasse-policy: the EnMasse admission policy, offline.

        Usage: enmasse-policy <command> [options]

        Commands:
          validate [PATH ...]   check tenant files; the verdict the webhook would give
          mutate [PATH ...]     print the files as the mutating webhook would leave them
          test [DIR]            run the policy test suites in DIR/tests
          policy check [DIR]    check a policy directory (schema, plans, references)
          policy schema [NAME]  print a JSON Schema for editors
          certs                 make a CA and serving certificate for the webhook

        Run 'enmasse-policy <command> --help' for a command's options.
        Exit codes: 0 no error findings, 1 error findings, 2 the run could not be made.
        """;

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        try
        {
            if (args.Count == 0)
            {
                console.Error.Write(Help);
                return ExitCodes.Usage;
            }

            var rest = args.Skip(1).ToList();
            switch (args[0])
            {
                case "validate":
                    return ValidateCommand.Run(rest, console);
                case "mutate":
                    return MutateCommand.Run(rest, console);
                case "test":
                    return TestCommand.Run(rest, console);
                case "certs":
                    return CertsCommand.Run(rest, console);
                case "policy":
                    return PolicyCommand.Run(rest, console);
                case "--help" or "-h" or "help":
                    console.Out.Write(Help);
                    return ExitCodes.Ok;
                case "--version":
                    console.Out.WriteLine("enmasse-policy 0.1.0");
                    return ExitCodes.Ok;
                default:
                    console.Error.WriteLine($"enmasse-policy: unknown command \"{args[0]}\"");
                    console.Error.Write(Help);
                    return ExitCodes.Usage;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug: say so in one line, never with a stack trace, and exit as "could not run".
            console.Error.WriteLine($"enmasse-policy: internal error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Usage;
        }
    }
}

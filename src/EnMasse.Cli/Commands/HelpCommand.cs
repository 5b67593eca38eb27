using System.CommandLine;
using EnMasse.Cli.Console;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy help [COMMAND ...]</c>: the same help as COMMAND --help.</summary>
internal static class HelpCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("help", "Show the help of a command, as COMMAND --help does.");
        var words = new Argument<string[]>("COMMAND") { Description = "The command, e.g. validate or policy check.", Arity = ArgumentArity.ZeroOrMore };
        command.Add(words);
        command.SetAction(parsed =>
        {
            var asked = parsed.GetValue(words) ?? [];
            return CliApp.Run([.. asked, "--help"], console);
        });
        return command;
    }
}

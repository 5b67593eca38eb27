using System.CommandLine;
using EnMasse.Cli.Console;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy policy</c>: the commands about the policy files themselves.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("policy", "Check a policy directory, pull the cluster's live policy, or print the JSON Schemas for editors.");
        command.Add(PolicyCheckCommand.Create(console));
        command.Add(PolicySchemaCommand.Create(console));
        command.Add(PolicyPullCommand.Create(console));
        return command;
    }
}

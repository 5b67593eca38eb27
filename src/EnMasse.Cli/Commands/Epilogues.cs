using System.CommandLine;
using System.Runtime.CompilerServices;

namespace EnMasse.Cli.Commands;

/// <summary>Text printed after a command's generated help: exit codes and examples, written once beside the command.</summary>
internal static class Epilogues
{
    private static readonly ConditionalWeakTable<Command, string> Texts = [];

    public static T Attach<T>(T command, string epilogue)
        where T : Command
    {
        Texts.AddOrUpdate(command, epilogue);
        return command;
    }

    public static string? Of(Command command) => Texts.TryGetValue(command, out var text) ? text : null;
}

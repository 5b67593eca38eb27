namespace EnMasse.Cli.Console;

/// <summary>What a command reads and writes, so tests can run commands in process on real files.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool OutIsTerminal, Func<string, string?> Environment, string WorkingDirectory)
{
    public static CliConsole System() => new(
        global::System.Console.In,
        global::System.Console.Out,
        global::System.Console.Error,
        !global::System.Console.IsOutputRedirected,
        global::System.Environment.GetEnvironmentVariable,
        global::System.Environment.CurrentDirectory);
}

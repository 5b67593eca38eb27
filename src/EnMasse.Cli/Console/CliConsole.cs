namespace EnMasse.Cli.Console;

/// <summary>What a command reads and writes, so tests can run commands in process on real files.</summary>
/// <param name="In">Standard input as bytes: the reader checks its UTF-8 and its size as it checks a file's.</param>
/// <param name="ProgramPath">argv[0] as the process was started: kubectl starts its plugin as kubectl-enmasse_policy.</param>
internal sealed record CliConsole(Stream In, TextWriter Out, TextWriter Error, bool OutIsTerminal, Func<string, string?> Environment, string WorkingDirectory, string ProgramPath = "")
{
    public bool InvokedAsPlugin => Path.GetFileName(ProgramPath).StartsWith("kubectl-enmasse_policy", StringComparison.Ordinal);

    public static CliConsole System() => new(
        global::System.Console.OpenStandardInput(),
        global::System.Console.Out,
        global::System.Console.Error,
        !global::System.Console.IsOutputRedirected,
        global::System.Environment.GetEnvironmentVariable,
        global::System.Environment.CurrentDirectory,
        InvokedName());

    /// <summary>
    /// The name the process was started with. .NET's own argv[0] is the assembly, and the
    /// process path is the resolved apphost, so on Linux it is read from /proc: through a link
    /// named kubectl-enmasse_policy, the first word there is that link.
    /// </summary>
    private static string InvokedName()
    {
        try
        {
            if (OperatingSystem.IsLinux() && File.Exists("/proc/self/cmdline"))
            {
                var first = File.ReadAllText("/proc/self/cmdline").Split('\0')[0];
                if (first.Length > 0)
                {
                    return first;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return global::System.Environment.GetCommandLineArgs()[0];
    }
}

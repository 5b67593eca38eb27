namespace EnMasse.Cli;

/// <summary>Parsed command-line words: positional arguments, and options that take a value or not.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public string? Error { get; private set; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> options take the next word (or --x=v), <paramref name="flags"/> take none.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> valued, IReadOnlySet<string> flags)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                result.Positional.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "-")
            {
                if (arg.StartsWith('-') && arg != "-")
                {
                    result.Error ??= $"unknown option {arg}";
                    continue;
                }

                result.Positional.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (valued.Contains(name))
            {
                string? value = eq > 0 ? arg[(eq + 1)..] : (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    result.Error ??= $"option {name} needs a value";
                    continue;
                }

                if (!result._values.TryGetValue(name, out var list))
                {
                    result._values[name] = list = [];
                }

                list.Add(value);
            }
            else if (flags.Contains(name) && eq < 0)
            {
                result._flags.Add(name);
            }
            else
            {
                result.Error ??= $"unknown option {name}";
            }
        }

        return result;
    }

    /// <summary>
    /// Parses a command's words; when it prints --help or a usage error there is nothing left to
    /// do, and the caller returns the exit code.
    /// </summary>
    public static (CliArguments? Parsed, int ExitCode) ForCommand(
        IReadOnlyList<string> args, IReadOnlySet<string> valued, IReadOnlySet<string> flags, string help, string command, Console.CliConsole console)
    {
        var parsed = Parse(args, valued, flags);
        if (parsed.Has("--help"))
        {
            console.Out.Write(help);
            return (null, ExitCodes.Ok);
        }

        if (parsed.Error is { } error)
        {
            console.Error.WriteLine($"enmasse-policy {command}: {error}");
            console.Error.WriteLine($"Run 'enmasse-policy {command} --help' for usage.");
            return (null, ExitCodes.Usage);
        }

        return (parsed, ExitCodes.Ok);
    }

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public bool Has(string name) => _flags.Contains(name);
}

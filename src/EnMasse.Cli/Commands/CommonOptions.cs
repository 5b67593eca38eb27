using System.CommandLine;
using EnMasse.Cli.Output;
using EnMasse.Policy.Naming;

namespace EnMasse.Cli.Commands;

/// <summary>
/// The options validate and mutate share, declared once with their help. Made per run: a
/// System.CommandLine symbol remembers the commands it was added to.
/// </summary>
internal sealed class CommonOptions
{
    public Option<string?> Policies { get; } = new("--policies")
    {
        Description = "The policy directory, or 'builtin' for the policy compiled in. Default: ./policies when it holds an AdmissionPolicy (policy.yaml), else builtin.",
        HelpName = "DIR|builtin",
    };

    public Option<string[]> Catalog { get; } = new("--catalog")
    {
        Description = "Objects that exist in the cluster (repeatable), e.g. the output of 'kubectl get addressspaces,addresses -A -o yaml'. A file's object found there is judged as an UPDATE against it.",
        HelpName = "PATH",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace of objects that name none, as 'kubectl apply -n NS' would apply them. Default: default.",
        HelpName = "NS",
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Leave out files and directories a walk finds that match GLOB (repeatable; ** crosses directories; a pattern without / matches at any depth). Relative to the configuration file's directory, else the working directory.",
        HelpName = "GLOB",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = $"The repository configuration. Default: the nearest {Repository.RepositoryConfig.FileName} from here up to the repository's top.",
        HelpName = "FILE",
    };

    public Option<string?> EnMasseVersion { get; } = ReleaseOption();

    /// <summary>--enmasse-version, for every command that judges or prints a release's field set.</summary>
    public static Option<string?> ReleaseOption()
    {
        var option = new Option<string?>("--enmasse-version")
        {
            Description = $"Judge as EnMasse release V ({string.Join(", ", Policy.Vocabulary.EnMasseVersion.Names)}; a patch release such as 0.31.2 is its line) instead of the policy's spec.enmasseVersion.",
            HelpName = "V",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Policy.Vocabulary.EnMasseVersion.TryParse(value, out _))
            {
                result.AddError($"--enmasse-version must be one of {string.Join(", ", Policy.Vocabulary.EnMasseVersion.Names)}, not \"{Bounded(value)}\"");
            }
        });
        return option;
    }

    /// <summary>The release --enmasse-version names, or null when it names none (the parser has refused any other value).</summary>
    public static Policy.Vocabulary.EnMasseVersion? Release(ParseResult parsed, Option<string?> option) =>
        Policy.Vocabulary.EnMasseVersion.TryParse(parsed.GetValue(option), out var release) ? release : null;

    public Option<string?> StdinName { get; } = new("--stdin-name")
    {
        Description = "The file name findings give standard input (-), e.g. the chart or overlay it was rendered from. Default: <stdin>.",
        HelpName = "NAME",
    };

    public CommonOptions()
    {
        NamespaceName(Namespace, "; to check a directory, give it as a PATH");
    }

    /// <summary>Refuses a value that cannot be a namespace, naming the option.</summary>
    public static Option<string?> NamespaceName(Option<string?> option, string hint = "")
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Names.IsDnsLabel(value))
            {
                result.AddError($"{option.Name} \"{Bounded(value)}\" is not a namespace name (lowercase letters, digits and '-', at most 63){hint}");
            }
        });
        return option;
    }

    /// <summary>Adds these options to a command that reads tenant files.</summary>
    public void AddTo(Command command)
    {
        command.Add(Policies);
        command.Add(EnMasseVersion);
        command.Add(Catalog);
        command.Add(Namespace);
        command.Add(Exclude);
        command.Add(Config);
        command.Add(StdinName);
    }

    /// <summary>
    /// The PATH argument: files, directories or - for standard input. A word that looks like an
    /// option is refused here, since a list of strings would otherwise take it as a path.
    /// </summary>
    public static Argument<string[]> Paths(Command command)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files (.yaml, .yml, .json), directories (walked recursively, hidden entries skipped) or - for standard input. Default: the configured paths, else '.'.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value != "-"))
            {
                var known = command.Options.SelectMany(o => o.Aliases.Append(o.Name));
                result.AddError($"unknown option {Bounded(token.Value)}{Names.DidYouMean(token.Value.Split('=')[0], known)}");
            }
        });
        return paths;
    }

    /// <summary>The --output option with the formats a command offers.</summary>
    public static Option<string> Output(params string[] formats)
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "The report format.",
            HelpName = string.Join('|', formats),
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<string?> OutputFile() => new("--output-file")
    {
        Description = "Write the report to FILE instead of standard output (the summary line still goes to standard output).",
        HelpName = "FILE",
    };

    /// <summary>A value echoed in a message, cut so a hostile argument cannot flood the terminal.</summary>
    public static string Bounded(string value) => value.Length > 80 ? value[..80] + "..." : value;

    public static readonly string[] ValidateFormats = [.. OutputFormat.Names];
}

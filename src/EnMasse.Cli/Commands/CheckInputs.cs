using System.CommandLine;
using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
using EnMasse.Cli.Repository;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Policies;

namespace EnMasse.Cli.Commands;

/// <summary>
/// What validate and mutate both start from: the repository configuration merged under the
/// options, the policy, the files to check (in groups judged apart) and the --catalog files,
/// and the notes gathered on the way.
/// </summary>
internal sealed record CheckInputs(PolicyBundle Bundle, CollectedInputs Inputs, IReadOnlyList<ReadResult> CatalogFiles, string? Namespace, IReadOnlyList<Note> Notes)
{
    /// <summary>Loads them, or prints why not (on standard error) and gives the exit code.</summary>
    public static (CheckInputs? Inputs, int ExitCode) Load(ParseResult parsed, CommonOptions options, Argument<string[]> pathArgument, CliConsole console, string command)
    {
        var (config, configError, configProblems) = RepositoryConfig.Load(parsed.GetValue(options.Config), console.WorkingDirectory);
        if (config is null)
        {
            if (configError is not null)
            {
                return (null, Usage(console, command, configError));
            }

            console.Error.WriteLine($"enmasse-policy {command}: the repository configuration is not valid:");
            FindingPrinter.Print(console.Error, configProblems);
            return (null, ExitCodes.Usage);
        }

        var notes = new List<Note>();
        var (policy, policyNote) = PolicyResolver.Resolve(parsed.GetValue(options.Policies) ?? config.Policies, console.WorkingDirectory);
        if (!policy.Succeeded)
        {
            console.Error.WriteLine("enmasse-policy: the policy does not load:");
            FindingPrinter.Print(console.Error, policy.Findings);
            return (null, ExitCodes.Usage);
        }

        if (policyNote is not null)
        {
            notes.Add(policyNote);
        }

        var named = parsed.GetValue(pathArgument) ?? [];
        IReadOnlyList<string> paths = named.Length > 0 ? named : config.Paths.Count > 0 ? config.Paths : ["."];
        var filter = new PathFilter(config.Directory ?? console.WorkingDirectory, config.Exclude.Concat(parsed.GetValue(options.Exclude) ?? []));
        var request = new InputRequest(paths, filter, parsed.GetValue(options.StdinName) ?? InputReader.StdinName, console.In, console.WorkingDirectory, console.Environment("PATH"));
        var (inputs, inputError) = InputCollector.Collect(request);
        if (inputs is null)
        {
            return (null, Usage(console, command, inputError!));
        }

        notes.AddRange(inputs.Notes);
        if (paths.Contains("-") && inputs.Files.FirstOrDefault(f => f.File == request.StdinName) is { } stdin && IsEmpty(stdin))
        {
            return (null, Usage(console, command, "standard input is empty, so there is nothing to check; when it comes from a pipe (helm template ... | enmasse-policy validate -), check that the command before the pipe worked (set -o pipefail)"));
        }

        var catalogPaths = (parsed.GetValue(options.Catalog) is { Length: > 0 } given ? given : [.. config.Catalog]).ToList();
        var (catalogFiles, catalogError) = InputReader.Read(catalogPaths, console.In, console.WorkingDirectory, DocumentLimits.Catalog);
        if (catalogError is not null)
        {
            return (null, Usage(console, command, "--catalog " + catalogError));
        }

        if (catalogFiles.SelectMany(f => f.FileFindings).ToList() is { Count: > 0 } broken)
        {
            console.Error.WriteLine("enmasse-policy: a --catalog file does not parse:");
            FindingPrinter.Print(console.Error, broken);
            return (null, ExitCodes.Usage);
        }

        var ns = parsed.GetValue(options.Namespace) ?? config.Namespace;
        var bundle = policy.Bundle!;
        if (CommonOptions.Release(parsed, options.EnMasseVersion) is { } release)
        {
            bundle = bundle with { Policy = bundle.Policy.ForVersion(release) };
        }

        return (new CheckInputs(bundle, inputs, catalogFiles, ns, notes), ExitCodes.Ok);
    }

    public static int Usage(CliConsole console, string command, string message)
    {
        console.Error.WriteLine($"enmasse-policy {command}: {message}");
        console.Error.WriteLine($"Run 'enmasse-policy {command} --help' for usage.");
        return ExitCodes.Usage;
    }

    /// <summary>Nothing but blanks and comments: no document, no finding.</summary>
    private static bool IsEmpty(ReadResult file) =>
        file.FileFindings.Count == 0 && file.Documents.All(d => d.Root is ScalarNode { IsNull: true });
}

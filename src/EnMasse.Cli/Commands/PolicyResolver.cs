using EnMasse.Cli.Console;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;

namespace EnMasse.Cli.Commands;

/// <summary>Finds the policy the way cli.md says: --policies, else ./policies when it exists, else the built-in default.</summary>
internal static class PolicyResolver
{
    public static PolicyLoadResult Resolve(string? option, CliConsole console)
    {
        if (option is not null)
        {
            return PolicyLoader.LoadDirectory(Path.GetFullPath(option, console.WorkingDirectory), shownAs: option);
        }

        var local = Path.Combine(console.WorkingDirectory, "policies");
        return Directory.Exists(local) ? PolicyLoader.LoadDirectory(local, shownAs: "policies") : PolicyLoader.BuiltIn();
    }
}

using EnMasse.Cli.Console;
using EnMasse.Policy.Policies;

namespace EnMasse.Cli.Commands;

/// <summary>Finds the policy the way cli.md says: --policies, else ./policies when it exists, else the built-in default.</summary>
internal static class PolicyResolver
{
    public static PolicyLoadResult Resolve(string? option, CliConsole console)
    {
        if (option is not null)
        {
            return PolicyLoader.LoadDirectory(Path.GetFullPath(option, console.WorkingDirectory)) is { Succeeded: false } failed && !Directory.Exists(Path.GetFullPath(option, console.WorkingDirectory))
                ? failed
                : Relabel(PolicyLoader.LoadDirectory(Path.GetFullPath(option, console.WorkingDirectory)), option);
        }

        var local = Path.Combine(console.WorkingDirectory, "policies");
        return Directory.Exists(local) ? Relabel(PolicyLoader.LoadDirectory(local), "policies") : PolicyLoader.BuiltIn();
    }

    /// <summary>Shows policy files by the path the user typed, not the absolute one.</summary>
    private static PolicyLoadResult Relabel(PolicyLoadResult result, string shown)
    {
        if (result.Succeeded)
        {
            return result;
        }

        return result with
        {
            Findings = [.. result.Findings.Select(f => f with { File = f.File is null ? null : Shorten(f.File, shown) })],
        };
    }

    private static string Shorten(string file, string shown)
    {
        var marker = file.IndexOf(Path.DirectorySeparatorChar + "policy.yaml", StringComparison.Ordinal);
        var plans = file.IndexOf(Path.DirectorySeparatorChar + "plans" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var cut = plans >= 0 ? plans : marker;
        return cut >= 0 ? Path.Combine(shown, file[(cut + 1)..]).Replace('\\', '/') : file;
    }
}

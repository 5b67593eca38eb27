using System.Formats.Tar;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// The chart as it was at its previous version, taken from git history: the last commit whose
/// Chart.yaml names another version, extracted with the policies/ its link points at.
/// </summary>
internal static class PreviousChart
{
    private static readonly Lazy<(string? Dir, string Reason)> Extracted = new(Extract);

    public static string Version { get; private set; } = "?";

    public static string Require()
    {
        var (dir, reason) = Extracted.Value;
        ChartTools.Require(dir is not null, reason);
        return dir!;
    }

    private static (string? Dir, string Reason) Extract()
    {
        var git = ChartTools.OnPath("git");
        if (git is null)
        {
            return (null, "git was not found on PATH; the previous chart version comes from history");
        }

        var current = VersionOf(File.ReadAllText(Path.Combine(ChartTools.ChartDir, "Chart.yaml")));
        var log = ProcessRun.Run(git, ["log", "--format=%H", "--", "charts/enmasse-admission/Chart.yaml"]);
        if (log.ExitCode != 0)
        {
            return (null, "this checkout has no git history to take the previous chart version from");
        }

        // The previous version's last state is the parent of the commit that moved Chart.yaml to
        // the current version (or HEAD, while that move is not committed yet).
        var revision = "HEAD";
        string? version = null;
        foreach (var commit in log.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var chart = ProcessRun.Run(git, ["show", $"{commit}:charts/enmasse-admission/Chart.yaml"]);
            version = chart.ExitCode == 0 ? VersionOf(chart.Stdout) : null;
            if (version != current)
            {
                break;
            }

            revision = commit + "^";
        }

        if (version is not null && version != current)
        {
            var root = Path.Combine(Path.GetTempPath(), $"enmasse-chart-{version}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(root);
            var archive = Path.Combine(root, "chart.tar");
            var made = ProcessRun.Run(git, ["archive", "--format=tar", "-o", archive, revision, "charts/enmasse-admission", "policies"]);
            Assert.True(made.ExitCode == 0, made.Describe());
            TarFile.ExtractToDirectory(archive, root, overwriteFiles: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
            Version = VersionOf(File.ReadAllText(Path.Combine(root, "charts", "enmasse-admission", "Chart.yaml")))!;
            return (Path.Combine(root, "charts", "enmasse-admission"), string.Empty);
        }

        return (null, $"git history holds no chart version other than {current} (a shallow clone?)");
    }

    private static string? VersionOf(string chartYaml) =>
        chartYaml.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("version:", StringComparison.Ordinal))?["version:".Length..].Trim().Trim('"');
}

using EnMasse.Benchmarks.Generate;
using EnMasse.Benchmarks.Report;

namespace EnMasse.Benchmarks.Cli;

/// <summary>
/// `enmasse-policy validate` as a whole process against a raw YamlDotNet parse of the same
/// files in a process of its own, in pairs (raw, CLI, raw, CLI, ...), on generated tenant
/// repositories; and the cold start on one small file.
/// </summary>
internal static class CliBench
{
    /// <param name="cli">The command that runs enmasse-policy: its published executable.</param>
    /// <param name="raw">The command that runs <see cref="RawParse"/>: this program and its verb.</param>
    public static IReadOnlyList<Row> Run(IReadOnlyList<string> cli, IReadOnlyList<string> raw, string work, IReadOnlyList<int> sizes, int pairs)
    {
        var rows = new List<Row>();
        var one = Path.Combine(work, "one");
        Directory.CreateDirectory(one);
        File.WriteAllText(Path.Combine(one, "space.yaml"), Objects.TenantSpace("team1", "myspace") + Objects.TenantAddress("team1", "myspace", "orders"));
        var (coldCli, coldRaw) = Paired(cli, raw, one, pairs * 2);
        var cold = coldCli.Select(r => r.Seconds).ToList();
        rows.Add(new Row("CLI cold start, one small file (wall)", Stats.Spread(cold, s => Stats.Ms(s * 1000)), "< 200 ms", $"raw parse process: {Stats.Spread(coldRaw.Select(r => r.Seconds).ToList(), s => Stats.Ms(s * 1000))}", Stats.Median(cold) < 0.2));

        foreach (var size in sizes)
        {
            var repo = Repository.Tenant(Path.Combine(work, $"repo-{size}"), size);
            var (cliRuns, rawRuns) = Paired(cli, raw, repo, pairs);
            var ratios = cliRuns.Zip(rawRuns, (c, r) => c.Seconds / r.Seconds).ToList();
            var seconds = cliRuns.Select(r => r.Seconds).ToList();
            var label = $"CLI validate, {Stats.N(size)} resources in {Stats.N(size / Repository.PerFile)} files";
            rows.Add(new Row($"{label}: ratio to raw parse (wall, paired)", Stats.Spread(ratios, Stats.X), size == 10_000 ? "<= 1.5x" : "-", $"raw parse: {Stats.Spread(rawRuns.Select(r => r.Seconds).ToList(), Stats.S)}", size == 10_000 ? Stats.Median(ratios) <= 1.5 : null));
            rows.Add(new Row($"{label}: wall time", Stats.Spread(seconds, Stats.S), size == 10_000 ? "< 2 s" : "-", "-", size == 10_000 ? Stats.Median(seconds) < 2 : null));
            if (size >= 50_000)
            {
                var perResource = cliRuns.Select(r => r.PeakBytes / (double)size / 1024).ToList();
                rows.Add(new Row($"{label}: peak memory per resource", Stats.Spread(perResource, k => $"{k:0.0} KB"), "< 3 KB", $"raw parse: {Stats.Spread(rawRuns.Select(r => r.PeakBytes / (double)size / 1024).ToList(), k => $"{k:0.0} KB")}", Stats.Median(perResource) < 3));
            }
        }

        return rows;
    }

    private static (List<ProcessRun> Cli, List<ProcessRun> Raw) Paired(IReadOnlyList<string> cli, IReadOnlyList<string> raw, string path, int pairs)
    {
        var cliRuns = new List<ProcessRun>();
        var rawRuns = new List<ProcessRun>();

        // One unmeasured run of each warms the file cache and the disk.
        ProcessRun.Of(raw[0], [.. raw.Skip(1), path]);
        ProcessRun.Of(cli[0], [.. cli.Skip(1), "validate", path]);
        for (var i = 0; i < pairs; i++)
        {
            rawRuns.Add(ProcessRun.Of(raw[0], [.. raw.Skip(1), path]));
            cliRuns.Add(ProcessRun.Of(cli[0], [.. cli.Skip(1), "validate", path]));
        }

        return (cliRuns, rawRuns);
    }
}

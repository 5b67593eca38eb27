using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EnMasse.Benchmarks.Report;
using EnMasse.Benchmarks.Webhook;
using Perfolizer.Horology;

namespace EnMasse.Benchmarks.Engine;

/// <summary>Runs <see cref="EngineBenchmarks"/> under BenchmarkDotNet and reads its summary into rows.</summary>
internal static class EngineBench
{
    private static readonly (string Method, string Label)[] Cases =
    [
        (nameof(EngineBenchmarks.AddressCreate), "Address CREATE"),
        (nameof(EngineBenchmarks.AddressSpaceUpdateWithDefaults), "AddressSpace UPDATE with defaults"),
        (nameof(EngineBenchmarks.MessagingUserCreate), "MessagingUser CREATE"),
    ];

    public static IReadOnlyList<Row> Run(string artifacts, string policies)
    {
        var config = Config(artifacts);
        ReviewBenchmarks.Policies = policies;
        var engine = BenchmarkRunner.Run<EngineBenchmarks>(config);
        return [.. Rows(engine), .. ReviewRows(BenchmarkRunner.Run<ReviewBenchmarks>(config), engine), .. UpdateRows(BenchmarkRunner.Run<UpdateBenchmarks>(config))];
    }

    /// <summary>The configuration bench/run uses, also for `EnMasse.Benchmarks bdn` runs by hand.</summary>
    public static IConfig Config(string artifacts)
    {
        // In process: no project is generated and built per run. Short iterations: the
        // figures of interest are microseconds, and the machine is shared.
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(250));
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        return config;
    }

    /// <summary>The webhook's handler in process (review bytes to response bytes), against the engine's judgement alone.</summary>
    private static List<Row> ReviewRows(Summary reviews, Summary engine)
    {
        var rows = new List<Row>();
        foreach (var (method, engineMethod, label) in new[]
        {
            (nameof(ReviewBenchmarks.ValidateAllowed), nameof(EngineBenchmarks.AddressCreate), "/validate Address CREATE"),
            (nameof(ReviewBenchmarks.Mutate), nameof(EngineBenchmarks.AddressSpaceUpdateWithDefaults), "/mutate AddressSpace UPDATE"),
        })
        {
            var report = reviews.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.ResultStatistics is not null);
            if (report is null || Find(engine, engineMethod, "empty") is not { } judged)
            {
                continue;
            }

            rows.Add(new Row(
                $"webhook handler in process, {label}: review bytes to response bytes, median",
                $"{Stats.Us(report.ResultStatistics!.Median / 1000)}; {Allocated(report)} allocated",
                "-",
                $"the engine's judgement alone: {Stats.Us(judged.ResultStatistics!.Median / 1000)}; {Allocated(judged)} allocated",
                null));
        }

        var allowed = reviews.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ReviewBenchmarks.ValidateAllowed) && r.ResultStatistics is not null);
        var denied = reviews.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ReviewBenchmarks.ValidateDenied) && r.ResultStatistics is not null);
        if (allowed is not null && denied is not null)
        {
            rows.Add(new Row(
                "webhook handler in process, /validate Address CREATE denied (unknown plan): review bytes to response bytes, median",
                $"{Stats.Us(denied.ResultStatistics!.Median / 1000)} ({denied.ResultStatistics.Median / allowed.ResultStatistics!.Median:0.00}x); {Allocated(denied)} allocated",
                "-",
                $"the same handler allowing: {Stats.Us(allowed.ResultStatistics.Median / 1000)}; {Allocated(allowed)} allocated",
                null));
        }

        return rows;
    }

    /// <summary>What an UPDATE costs with ratcheting, against the update judged whole (UpdateBenchmarks' baseline).</summary>
    private static List<Row> UpdateRows(Summary summary)
    {
        var rows = new List<Row>();
        var whole = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(UpdateBenchmarks.Whole) && r.ResultStatistics is not null);
        if (whole is null)
        {
            return rows;
        }

        foreach (var report in summary.Reports.Where(r => r != whole && r.ResultStatistics is not null))
        {
            var description = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'', ' ');
            rows.Add(new Row(
                $"engine: {description}, median",
                $"{Stats.Us(report.ResultStatistics!.Median / 1000)} ({Stats.X(report.ResultStatistics.Median / whole.ResultStatistics!.Median)}); {Allocated(report)} allocated",
                "-",
                $"judged whole (ratchet off): {Stats.Us(whole.ResultStatistics.Median / 1000)}; {Allocated(whole)} allocated",
                null));
        }

        return rows;
    }

    private static List<Row> Rows(Summary summary)
    {
        var rows = new List<Row>();
        foreach (var (method, label) in Cases)
        {
            var parse = Find(summary, nameof(EngineBenchmarks.ParseOnly), "empty");
            var empty = Find(summary, method, "empty");
            if (empty is null || parse is null)
            {
                continue;
            }

            var emptyP99 = P99(empty);
            rows.Add(new Row($"engine: {label}, empty catalogue, p99 of iteration means", Stats.Us(emptyP99), "< 50 µs", $"JSON parse of the object alone: {Stats.Us(P99(parse))}", emptyP99 < 50));
            foreach (var large in new[] { "spread-100k", "one-space-100k" })
            {
                if (Find(summary, method, large) is not { } report)
                {
                    continue;
                }

                var ratio = P99(report) / emptyP99;
                rows.Add(new Row(
                    $"engine: {label}, catalogue {large}, p99",
                    $"{Stats.Us(P99(report))} ({Stats.X(ratio)}); {Allocated(report)} allocated",
                    "<= 1.2x empty",
                    $"empty: {Stats.Us(emptyP99)}; {Allocated(empty)} allocated",
                    ratio <= 1.2));
            }

            // The same verdict in a space a hundred times smaller: what the space's size costs.
            if (Find(summary, method, "one-space-100k") is { } hundred && Find(summary, method, "one-space-1k") is { } thousand)
            {
                var ratio = P99(hundred) / P99(thousand);
                rows.Add(new Row(
                    $"engine: {label}, catalogue one-space-100k against one-space-1k (same verdict), p99",
                    $"{Stats.Us(P99(hundred))} ({Stats.X(ratio)}); {Allocated(hundred)} allocated",
                    "<= 1.2x",
                    $"one-space-1k: {Stats.Us(P99(thousand))}; {Allocated(thousand)} allocated",
                    ratio <= 1.2));
            }
        }

        return rows;
    }

    private static BenchmarkReport? Find(Summary summary, string method, string catalog) =>
        summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && (string?)r.BenchmarkCase.Parameters["Catalog"] == catalog
            && r.ResultStatistics is not null);

    private static double P99(BenchmarkReport report) => report.ResultStatistics!.Percentiles.Percentile(99) / 1000;

    private static string Allocated(BenchmarkReport report) =>
        report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes ? $"{bytes:#,0} B" : "?";
}

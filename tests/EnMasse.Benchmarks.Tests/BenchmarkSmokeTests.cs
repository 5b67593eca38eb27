using EnMasse.Benchmarks.Catalog;
using EnMasse.Benchmarks.Cli;
using EnMasse.Benchmarks.Engine;
using EnMasse.Benchmarks.Generate;
using EnMasse.Benchmarks.Webhook;

namespace EnMasse.Benchmarks.Tests;

/// <summary>Each benchmark of bench/run, once and tiny: it builds, runs, and measures what it says it measures. No figure is asserted.</summary>
public sealed class BenchmarkSmokeTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "enmasse-bench-smoke-" + Guid.NewGuid().ToString("N"));

    private static string Bin(string file) => Path.Combine(AppContext.BaseDirectory, file);

    private static IReadOnlyList<string> Self(string verb) => ["dotnet", Bin("EnMasse.Benchmarks.dll"), verb];

    /// <summary>
    /// The CLI from its own build output, of this test's configuration: beside the test it would
    /// run with this project's dependencies, which the ASP.NET Core framework trims.
    /// </summary>
    private static string Cli()
    {
        var built = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(Repo.Root, "src", "EnMasse.Cli", "bin", built.Parent!.Name, built.Name, "enmasse-policy.dll");
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("spread-100k")]
    [InlineData("one-space-100k")]
    [InlineData("one-space-1k")]
    public void The_engine_benchmarks_judge_their_objects_as_the_webhook_would(string catalog)
    {
        // 400 addresses in one space need 4 brokers: more than standard-medium's 3, as 1,000 and 100,000 do.
        var bench = new EngineBenchmarks { Catalog = catalog, Addresses = 400 };
        bench.Setup();

        Assert.True(bench.ParseOnly() > 0);
        var address = bench.AddressCreate();
        Assert.True(address.Allowed, string.Join("; ", address.Findings.Select(f => f.Message)));
        var update = bench.AddressSpaceUpdateWithDefaults();
        Assert.NotEmpty(update.Patch);

        // The one-space rows are compared with each other: both deny the plan change, the others allow it.
        Assert.Equal(catalog.StartsWith("one-space-", StringComparison.Ordinal), update.Findings.Any(f => f.Rule == "capacity.plan-change" && f.Denies));
        Assert.Equal(!catalog.StartsWith("one-space-", StringComparison.Ordinal), update.Allowed);
        var user = bench.MessagingUserCreate();
        Assert.True(user.Allowed, string.Join("; ", user.Findings.Select(f => f.Message)));

        // The pattern "orders" matches no address: the warning proves the lookups ran against the catalogue.
        Assert.Contains(user.Findings, f => f.Rule == "user.authorization-address" && f.Message.Contains("\"orders\"", StringComparison.Ordinal));
        Assert.DoesNotContain(user.Findings, f => f.Message.Contains("queue-00*", StringComparison.Ordinal));
    }

    [Fact]
    public void The_update_benchmarks_judge_as_they_say()
    {
        var bench = new UpdateBenchmarks();
        bench.Setup();
        Assert.False(bench.Whole().Allowed);
        Assert.True(bench.Ratcheted().Allowed);
        Assert.True(bench.Clean().Allowed);
        Assert.True(bench.StatusOnly().Allowed);
    }

    [Fact]
    public void The_review_benchmarks_answer_reviews_through_the_webhook_handler()
    {
        ReviewBenchmarks.Policies = Repo.Policies;
        var bench = new ReviewBenchmarks();
        bench.Setup();
        Assert.True(bench.ValidateAllowed() > 100);
        Assert.True(bench.ValidateDenied() > bench.ValidateAllowed());
        Assert.True(bench.Mutate() > 100);
    }

    [Fact]
    public void The_large_engine_catalogues_hold_what_they_say()
    {
        var bundle = EnMasse.Policy.Loading.PolicyLoader.BuiltIn().Bundle!;
        Assert.Equal(1 + 200, EngineBenchmarks.Build(bundle, "one-space-100k", 200).AddressCount(EngineBenchmarks.Namespace, EngineBenchmarks.Space));
        var spread = EngineBenchmarks.Build(bundle, "spread-100k", 200);
        Assert.Equal(1 + 200, spread.Counts["Address"]);
        Assert.Equal(1 + 200, spread.Counts["AddressSpace"]);
    }

    [Fact]
    public void The_catalogue_benchmark_applies_watch_events_and_reports_time_and_memory()
    {
        var rows = CatalogBench.Run(Repo.Policies, [100], events: 20);
        Assert.Equal(2, rows.Count);
        Assert.Contains("watch event", rows[0].Figure, StringComparison.Ordinal);
        Assert.NotNull(rows[0].Met);
        Assert.EndsWith(" B", rows[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_inputs_parse_and_hold_the_objects_they_say()
    {
        var repo = Repository.Tenant(Path.Combine(_work, "repo"), 30);
        Assert.Equal(3, Directory.EnumerateFiles(repo, "*.yaml", SearchOption.AllDirectories).Count());
        Assert.Equal(0, RawParse.Run([repo]));

        var dump = Repository.ClusterDump(Path.Combine(_work, "dump.yaml"), 50, 5);
        var read = EnMasse.Policy.Documents.InputReader.ReadFile("dump.yaml", dump, EnMasse.Policy.Documents.DocumentLimits.Catalog);
        Assert.Empty(read.FileFindings);
        var catalog = new EnMasse.Policy.Catalog.CatalogBuilder().AddFiles([read], "default").Build();
        Assert.Equal(50, catalog.Counts["Address"]);
        Assert.Equal(5, catalog.Counts["AddressSpace"]);
    }

    [Fact]
    public void The_cli_benchmark_runs_the_cli_and_the_raw_parse_in_pairs()
    {
        var rows = CliBench.Run(["dotnet", Cli()], Self("rawparse"), _work, [20], pairs: 1);
        Assert.Contains(rows, r => r.Figure.StartsWith("CLI cold start", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Figure.Contains("ratio to raw parse", StringComparison.Ordinal) && r.Value.EndsWith('x'));
    }

    [SkippableFact]
    public async Task The_webhook_benchmark_drives_the_webhook_and_the_no_op_endpoint_with_wrk()
    {
        var wrk = new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);
        Skip.If(wrk is null, "wrk is not installed (apt-get install wrk); .ci/run installs it");
        var settings = new WebhookBench.Settings(
            ["dotnet", Bin("EnMasse.Webhook.dll")],
            Self("noop"),
            wrk!,
            Bin(Path.Combine("Webhook", "review.lua")),
            Repo.Policies,
            _work,
            Seconds: 1,
            Pairs: 1,
            CatalogAddresses: 100);
        var rows = await new WebhookBench(settings).RunAsync();
        Assert.Contains(rows, r => r.Figure.Contains("throughput ratio to no-op", StringComparison.Ordinal) && r.Figure.Contains("validate-denied", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Figure.Contains("/mutate", StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Figure.Contains("failed requests", StringComparison.Ordinal)), r => Assert.Equal("0", r.Value));
        Assert.Contains(rows, r => r.Figure.Contains("ready", StringComparison.Ordinal));
    }
}

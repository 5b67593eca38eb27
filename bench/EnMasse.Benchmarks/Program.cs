using EnMasse.Benchmarks.Catalog;
using EnMasse.Benchmarks.Cli;
using EnMasse.Benchmarks.Engine;
using EnMasse.Benchmarks.Report;
using EnMasse.Benchmarks.Webhook;

// bench/run calls this with the published CLI and webhook; see bench/README.md.
//   all|engine|catalog|cli|webhook [--cli FILE] [--webhook FILE] [--policies DIR] [--work DIR] [--out FILE]
//   rawparse PATH...                                  (the CLI's baseline)
//   noop --port N --cert-dir DIR --responses DIR      (the webhook's baseline)
//   dump FILE ADDRESSES                               (a kubectl dump, .yaml or .json, of that many addresses)
//   bdn [BenchmarkDotNet arguments]                   (the engine benchmarks by hand, e.g. --filter '*Update*')
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: EnMasse.Benchmarks all|engine|catalog|cli|webhook|rawparse|noop|dump|bdn [options]; see bench/README.md");
    return 2;
}

var verb = args[0];
var options = Options(args.Skip(1).ToList());
string Option(string name, string fallback) => options.GetValueOrDefault(name) ?? fallback;
var self = Environment.ProcessPath!;

switch (verb)
{
    case "rawparse":
        return RawParse.Run([.. args.Skip(1)]);
    case "dump" when args.Length == 3:
        Console.Out.WriteLine(EnMasse.Benchmarks.Generate.Repository.ClusterDump(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), Math.Max(1, int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) / 10)));
        return 0;
    case "bdn":
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(EngineBench).Assembly).Run([.. args.Skip(1)], EngineBench.Config(Path.Combine(Path.GetTempPath(), "enmasse-bench", "engine")));
        return 0;
    case "noop":
        var noop = NoopServer.Build("127.0.0.1", int.Parse(Option("--port", "18444"), System.Globalization.CultureInfo.InvariantCulture), Option("--cert-dir", "certs"), Option("--responses", "responses"));
        await noop.RunAsync();
        return 0;
}

var work = Path.GetFullPath(Option("--work", Path.Combine(Path.GetTempPath(), "enmasse-bench")));
Directory.CreateDirectory(work);
var policies = Path.GetFullPath(Option("--policies", "policies"));
var rows = new List<Row>();
var all = verb == "all";
if (all || verb == "engine")
{
    rows.AddRange(EngineBench.Run(Path.Combine(work, "engine"), policies));
}

if (all || verb == "catalog")
{
    rows.AddRange(CatalogBench.Run(policies, [1_000, 10_000, 100_000], events: 2_000));
}

if (all || verb == "cli")
{
    rows.AddRange(CliBench.Run([Option("--cli", "enmasse-policy")], [self, "rawparse"], work, [1_000, 10_000, 50_000], pairs: 5));
}

if (all || verb == "webhook")
{
    var script = Path.Combine(AppContext.BaseDirectory, "Webhook", "review.lua");
    var settings = new WebhookBench.Settings([Option("--webhook", "EnMasse.Webhook")], [self, "noop"], Option("--wrk", "wrk"), script, policies, work, Seconds: 5, Pairs: 3, CatalogAddresses: 100_000);
    rows.AddRange(await new WebhookBench(settings).RunAsync());
}

var table = Table.Render(rows);
Console.Out.WriteLine();
Console.Out.Write(table);
if (options.GetValueOrDefault("--out") is { } output)
{
    File.WriteAllText(output, table);
}

return rows.Count == 0 ? 2 : 0;

static Dictionary<string, string> Options(List<string> rest)
{
    var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < rest.Count; i += 2)
    {
        parsed[rest[i]] = rest[i + 1];
    }

    return parsed;
}

using System.Text.Json;
using EnMasse.Benchmarks.Generate;
using EnMasse.Benchmarks.Report;

namespace EnMasse.Benchmarks.Webhook;

/// <summary>
/// The webhook against the no-op endpoint under the same load generator, same certificate, same
/// body and connections, in alternating runs; then the webhook with a catalogue of 100,000
/// addresses read from a file.
/// </summary>
internal sealed class WebhookBench(WebhookBench.Settings settings)
{
    private static readonly (string Case, string Path, string Body, bool Allowed)[] Cases =
    [
        ("validate-allowed", "/validate", Review("CREATE", Address("standard-small-queue"), null), true),
        ("validate-denied", "/validate", Review("CREATE", Address("standard-huge-queue"), null), false),
        ("mutate", "/mutate", Review("UPDATE", Space.Replace("standard-small", "standard-medium", StringComparison.Ordinal), Space), true),
    ];

    /// <summary>The bodies, by case, for the in-process review benchmark too.</summary>
    public static IReadOnlyDictionary<string, string> Bodies { get; } = Cases.ToDictionary(c => c.Case, c => c.Body);

    private const string Space = """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"myspace","namespace":"team1"},"spec":{"type":"standard","plan":"standard-small"}}""";

    private const string World = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: myspace, namespace: team1 }
        spec: { type: standard, plan: standard-small }
        """;

    /// <param name="Webhook">The command that runs the webhook: its published executable.</param>
    /// <param name="Noop">The command that runs the no-op server: this program and its verb.</param>
    internal sealed record Settings(IReadOnlyList<string> Webhook, IReadOnlyList<string> Noop, string Wrk, string Script, string Policies, string Work, int Seconds, int Pairs, int CatalogAddresses);

    public async Task<IReadOnlyList<Row>> RunAsync()
    {
        var rows = new List<Row>();
        var certs = Path.Combine(settings.Work, "certs");
        var bodies = Directory.CreateDirectory(Path.Combine(settings.Work, "bodies")).FullName;
        var responses = Directory.CreateDirectory(Path.Combine(settings.Work, "responses")).FullName;
        var world = Path.Combine(settings.Work, "world.yaml");
        File.WriteAllText(world, World);

        var readyEmpty = new List<double>();
        double emptyP99 = 0, emptyRate = 0;
        using (var webhook = await StartWebhook(certs, [world], port: ServerProcess.FreePort()))
        {
            readyEmpty.Add(webhook.ReadySeconds);
            foreach (var c in Cases)
            {
                var file = Path.Combine(bodies, c.Case + ".json");
                File.WriteAllText(file, c.Body);
                using var response = await webhook.Client.PostAsync(c.Path, new StringContent(c.Body, null, "application/json"));
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var allowed = JsonDocument.Parse(bytes).RootElement.GetProperty("response").GetProperty("allowed").GetBoolean();
                if (allowed != c.Allowed)
                {
                    throw new InvalidOperationException($"{c.Case}: the webhook answered allowed={allowed}");
                }

                File.WriteAllBytes(Path.Combine(responses, c.Case + ".json"), bytes);
            }

            var noopPort = ServerProcess.FreePort();
            using var noop = await ServerProcess.StartAsync(settings.Noop[0], [.. settings.Noop.Skip(1), "--port", noopPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cert-dir", certs, "--responses", responses], noopPort, Path.Combine(certs, "ca.crt"), "/readyz", GcLikeWebhook());
            foreach (var c in Cases)
            {
                var (caseRows, p99, rate) = Compare(webhook, noop, c.Case, c.Path, Path.Combine(bodies, c.Case + ".json"));
                rows.AddRange(caseRows);
                if (c.Case == "validate-allowed")
                {
                    (emptyP99, emptyRate) = (p99, rate);
                }
            }

            rows.Add(new Row("webhook RSS after the runs above", Stats.Mb(webhook.ResidentBytes / 1e6), "< 150 MB", $"no-op endpoint: {Stats.Mb(noop.ResidentBytes / 1e6)}", webhook.ResidentBytes < 150e6));
        }

        // The webhook with 100,000 addresses and 10,000 spaces from a kubectl dump.
        var dump = Repository.ClusterDump(Path.Combine(settings.Work, $"cluster-{settings.CatalogAddresses}.yaml"), settings.CatalogAddresses, Math.Max(1, settings.CatalogAddresses / 10));
        var label = $"{Stats.N(settings.CatalogAddresses)} addresses";
        using (var big = await StartWebhook(certs, [dump, world], port: ServerProcess.FreePort()))
        {
            var rss = big.ResidentBytes;
            rows.Add(new Row($"webhook with {label} from a --catalog dump ({new FileInfo(dump).Length / 1e6:0} MB): ready", Stats.S(big.ReadySeconds), "< 2 s", $"with an empty catalogue: {Stats.S(readyEmpty[0])}", big.ReadySeconds < 2));
            var url = new Uri(big.Address, "/validate?case=validate-allowed");
            var body = Path.Combine(bodies, "validate-allowed.json");
            Wrk(url, body, 2);
            var paced = Enumerable.Range(0, settings.Pairs).Select(_ => Wrk(url, body, settings.Seconds, emptyRate)).ToList();
            var p99 = Stats.Median(paced.Select(p => p.P99Ms).ToList());
            rows.Add(new Row($"webhook with {label}: /validate p99 at the empty run's half rate", Stats.Ms(p99), "<= 1.2x empty", $"empty catalogue: {Stats.Ms(emptyP99)}", p99 <= 1.2 * emptyP99));
            rows.Add(new Row($"webhook with {label}: RSS when ready / after load", $"{Stats.Mb(rss / 1e6)} / {Stats.Mb(big.ResidentBytes / 1e6)}", "< 150 MB", "-", Math.Max(rss, big.ResidentBytes) < 150e6));
        }

        return rows;
    }

    private (List<Row> Rows, double P99, double Rate) Compare(ServerProcess webhook, ServerProcess noop, string name, string path, string body)
    {
        var webhookUrl = new Uri(webhook.Address, $"{path}?case={name}");
        var noopUrl = new Uri(noop.Address, $"{path}?case={name}");

        // Warm both: JIT, TLS sessions, pools.
        Wrk(noopUrl, body, 2);
        Wrk(webhookUrl, body, 2);
        var noopRuns = new List<WrkResult>();
        var webhookRuns = new List<WrkResult>();
        for (var i = 0; i < settings.Pairs; i++)
        {
            noopRuns.Add(Wrk(noopUrl, body, settings.Seconds));
            webhookRuns.Add(Wrk(webhookUrl, body, settings.Seconds));
        }

        var ratios = webhookRuns.Zip(noopRuns, (w, n) => w.Rps / n.Rps).ToList();
        var half = Stats.Median(webhookRuns.Select(r => r.Rps).ToList()) / 2;
        var noopPaced = new List<WrkResult>();
        var webhookPaced = new List<WrkResult>();
        for (var i = 0; i < Math.Max(1, settings.Pairs - 1); i++)
        {
            noopPaced.Add(Wrk(noopUrl, body, settings.Seconds, half));
            webhookPaced.Add(Wrk(webhookUrl, body, settings.Seconds, half));
        }

        var errors = webhookRuns.Concat(webhookPaced).Sum(r => r.Errors);
        var p99 = Stats.Median(webhookPaced.Select(r => r.P99Ms).ToList());
        var rows = new List<Row>
        {
            new($"webhook {path} {name}: throughput ratio to no-op (paired, {settings.Seconds} s runs)", $"{Stats.Spread(ratios, Stats.X)}; {Stats.N(Stats.Median(webhookRuns.Select(r => r.Rps).ToList()))} req/s", ">= 0.7x", $"no-op: {Stats.N(Stats.Median(noopRuns.Select(r => r.Rps).ToList()))} req/s", Stats.Median(ratios) >= 0.7),
            new(
                $"webhook {path} {name}: p50 / p99 at half its saturated rate (~{Stats.N(half)} req/s, reached {Stats.N(Stats.Median(webhookPaced.Select(r => r.Rps).ToList()))})",
                $"{Stats.Ms(Stats.Median(webhookPaced.Select(r => r.P50Ms).ToList()))} / {Stats.Ms(p99)}",
                "p99 < 5 ms",
                $"no-op at the same rate: {Stats.Ms(Stats.Median(noopPaced.Select(r => r.P50Ms).ToList()))} / {Stats.Ms(Stats.Median(noopPaced.Select(r => r.P99Ms).ToList()))}",
                p99 < 5),
            new($"webhook {path} {name}: failed requests", Stats.N(errors), "0", $"no-op: {Stats.N(noopRuns.Concat(noopPaced).Sum(r => r.Errors))}", errors == 0),
        };
        return (rows, p99, half);
    }

    private WrkResult Wrk(Uri url, string body, int seconds, double? rate = null) => WrkResult.Run(settings.Wrk, settings.Script, url, body, seconds, rate);

    private Task<ServerProcess> StartWebhook(string certs, IEnumerable<string> catalog, int port) =>
        ServerProcess.StartAsync(
            settings.Webhook[0],
            [.. settings.Webhook.Skip(1), "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cert-dir", certs, "--dev-cert", "--policies", settings.Policies, .. catalog.SelectMany(c => new[] { "--catalog", c })],
            port,
            Path.Combine(certs, "ca.crt"),
            "/readyz");

    /// <summary>The no-op endpoint runs with the webhook's garbage collector settings, whatever they are.</summary>
    private Dictionary<string, string> GcLikeWebhook()
    {
        var config = Path.ChangeExtension(settings.Webhook[^1], null) + ".runtimeconfig.json";
        var server = File.Exists(config)
            && JsonDocument.Parse(File.ReadAllText(config)).RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var value) && value.GetBoolean();
        return new Dictionary<string, string> { ["DOTNET_gcServer"] = server ? "1" : "0" };
    }

    private static string Address(string plan) =>
        $$$"""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.orders","namespace":"team1"},"spec":{"address":"orders","type":"queue","plan":"{{{plan}}}"}}""";

    private static string Review(string operation, string json, string? old) =>
        $$$"""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"705ab4f5-6393-11e8-b7cc-42010a800002","kind":{"group":"enmasse.io","version":"v1beta1","kind":"{{{(json.Contains("\"AddressSpace\"", StringComparison.Ordinal) ? "AddressSpace" : "Address")}}}"},"resource":{"group":"enmasse.io","version":"v1beta1","resource":"x"},"namespace":"team1","operation":"{{{operation}}}","userInfo":{"username":"dev"},"object":{{{json}}},"oldObject":{{{old ?? "null"}}},"dryRun":false}}""";
}

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EnMasse.Benchmarks.Generate;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Benchmarks.Engine;

/// <summary>
/// One object judged in process, as the webhook judges it: from the review's parsed JSON to a
/// decision (defaults, schema, rules, findings). The catalogue is empty but for the subject's
/// space, or holds 100,000 addresses spread over 10,000 spaces, or 100,000 in the subject's own,
/// or 1,000 in the subject's own: with 1,000 or more there, the AddressSpace UPDATE's plan change
/// does not fit and is denied, so one-space-100k is compared with one-space-1k for the cost of
/// the space's size at the same verdict.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    public const string Namespace = "team1";
    public const string Space = "myspace";

    private static readonly JsonElement AddressObject = Parse("""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.orders","namespace":"team1"},"spec":{"address":"orders","type":"queue","plan":"standard-small-queue"}}""");
    private static readonly JsonElement StoredSpaceObject = Parse("""{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"myspace","namespace":"team1"},"spec":{"type":"standard","plan":"standard-small"}}""");
    private static readonly JsonElement SpaceObject = Parse(StoredSpaceObject.GetRawText().Replace("standard-small", "standard-medium", StringComparison.Ordinal));
    private static readonly JsonElement UserObject = Parse("""{"apiVersion":"user.enmasse.io/v1beta1","kind":"MessagingUser","metadata":{"name":"myspace.app","namespace":"team1"},"spec":{"username":"app","authentication":{"type":"password","password":"c2VjcmV0"},"authorization":[{"addresses":["queue-000001","queue-00*","orders"],"operations":["send","recv"]}]}}""");

    private PolicyEngine _engine = null!;
    private CatalogSnapshot _catalog = null!;

    /// <summary>empty, spread-100k (10,000 spaces of 10), one-space-100k or one-space-1k.</summary>
    [Params("empty", "spread-100k", "one-space-100k", "one-space-1k")]
    public string Catalog { get; set; } = "empty";

    /// <summary>Addresses in the large catalogues; the smoke test makes it small.</summary>
    public int Addresses { get; set; } = 100_000;

    [GlobalSetup]
    public void Setup()
    {
        var bundle = PolicyLoader.BuiltIn().Bundle!;
        _engine = new PolicyEngine(bundle);
        _catalog = Build(bundle, Catalog, Addresses);
    }

    /// <summary>The floor: parsing the same object's JSON, which every review pays before any rule runs.</summary>
    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(AddressObject.GetRawText());
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark]
    public Decision AddressCreate() => Judge(AddressObject, Operation.Create, null);

    /// <summary>An UPDATE that changes the plan and that the mutating side fills defaults into (endpoints, authentication service).</summary>
    [Benchmark]
    public Decision AddressSpaceUpdateWithDefaults() => Judge(SpaceObject, Operation.Update, StoredSpaceObject);

    [Benchmark]
    public Decision MessagingUserCreate() => Judge(UserObject, Operation.Create, null);

    public static CatalogSnapshot Build(PolicyBundle bundle, string catalog, int addresses)
    {
        var builder = new CatalogBuilder(bundle.Published)
            .Set(new AddressSpaceEntry(Namespace, Space, "standard", "standard-unlimited"))
            .Set(new AddressEntry(Namespace, "myspace.queue-000001", Space, "queue-000001", "queue") { Plan = "standard-small-queue" });
        var spaces = 10_000;
        var oneSpace = catalog.StartsWith("one-space-", StringComparison.Ordinal);
        addresses = catalog == "one-space-1k" ? Math.Min(1_000, addresses) : addresses;
        for (var a = 0; catalog != "empty" && a < addresses; a++)
        {
            var (ns, space) = oneSpace ? (Namespace, Space) : (Objects.Namespace(a % spaces / 10), Objects.Space(a % spaces));
            if (a < spaces && !oneSpace)
            {
                builder.Set(new AddressSpaceEntry(ns, space, "standard", "standard-small"));
            }

            var address = Objects.Queue(a + 2);
            builder.Set(new AddressEntry(ns, $"{space}.{address}", space, address, a % 10 == 0 ? "topic" : "queue") { Plan = "standard-small-queue" });
        }

        return builder.Build();
    }

    private Decision Judge(JsonElement json, Operation operation, JsonElement? old)
    {
        var document = JsonElementConverter.ToDocument(json);
        var oldNode = old is { } o ? JsonElementConverter.ToNode(o) : null;
        return _engine.Evaluate(new EvaluationRequest(document.Root, operation, oldNode, Namespace, EnforcementPoint.Admission, null, document.Problems), _catalog);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

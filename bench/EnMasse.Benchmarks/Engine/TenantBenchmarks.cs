using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Benchmarks.Engine;

/// <summary>
/// What spec.tenants costs a review, objects as a review carries them (JSON, no positions), in a
/// catalogue of 100 namespaces with 20 spaces each and one space of 10,000 addresses. Baseline:
/// the CREATE of an Address into a space of 10 addresses under a policy without tenants.
/// </summary>
[MemoryDiagnoser]
public class TenantBenchmarks
{
    private const string Address = """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"SPACE.fresh","namespace":"team-099"},"spec":{"address":"fresh","type":"queue","plan":"standard-small-queue"}}""";

    private CatalogSnapshot _catalog = null!;
    private PolicyEngine _plain = null!;
    private PolicyEngine _tenants = null!;
    private EvaluationRequest _small = null!;
    private EvaluationRequest _large = null!;
    private EvaluationRequest _space = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bundle = PolicyLoader.BuiltIn().Bundle ?? throw new InvalidOperationException("the built-in policy does not load");
        _plain = new PolicyEngine(bundle with { Policy = bundle.Policy with { Tenants = [] } });

        // 50 entries of two globs each that do not match team-099, then the one that does, with every field set.
        var plans = new[] { "standard-small", "standard-medium", "standard-unlimited" }.ToFrozenSet(StringComparer.Ordinal);
        var addressPlans = bundle.Published.AddressPlans.Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);
        List<TenantEntitlement> entries = [.. Enumerable.Range(0, 50).Select(i => new TenantEntitlement(i, [$"other-{i}-*", $"*-dept-{i}"], plans, addressPlans, 20, 100, 50, null, null))];
        entries.Add(new TenantEntitlement(50, ["team-*"], plans, addressPlans, 40, 20_000, 50, NamePattern.Compile("^s[0-9]+$").Pattern, ["password", "serviceaccount"]));
        _tenants = new PolicyEngine(bundle with { Policy = bundle.Policy with { Tenants = entries } });

        var world = new StringBuilder();
        for (var n = 0; n < 100; n++)
        {
            for (var s = 0; s < 20; s++)
            {
                world.Append($"---\napiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata: {{ name: s{s}, namespace: team-{n:000} }}\nspec: {{ type: standard, plan: standard-unlimited }}\n");
            }
        }

        foreach (var (space, count) in new[] { ("s0", 10), ("s1", 10_000) })
        {
            for (var a = 0; a < count; a++)
            {
                world.Append($"---\napiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {{ name: {space}.q{a}, namespace: team-099 }}\nspec: {{ address: q{a}, type: queue, plan: standard-small-queue }}\n");
            }
        }

        _catalog = new CatalogBuilder(bundle.Published).AddFiles([DocumentLoader.LoadText("world.yaml", world.ToString())], Resource.DefaultNamespace).Build();
        _small = Create(Address.Replace("SPACE", "s0", StringComparison.Ordinal));
        _large = Create(Address.Replace("SPACE", "s1", StringComparison.Ordinal));
        _space = Create("""{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"s20","namespace":"team-099"},"spec":{"type":"standard","plan":"standard-small"}}""");
        foreach (var engine in new[] { _plain, _tenants })
        {
            foreach (var request in new[] { _small, _large, _space })
            {
                var decision = engine.Evaluate(request, _catalog);
                if (!decision.Allowed || decision.Findings.Any(f => f.Rule.StartsWith("tenant.", StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException("every benchmarked review must pass with no tenant finding: " + string.Join("; ", decision.Findings.Select(f => f.Message)));
                }
            }
        }
    }

    [Benchmark(Baseline = true, Description = "Address CREATE, space of 10, no tenants")]
    public Decision PlainSmall() => _plain.Evaluate(_small, _catalog);

    [Benchmark(Description = "Address CREATE, space of 10, 51 tenant entries")]
    public Decision TenantsSmall() => _tenants.Evaluate(_small, _catalog);

    [Benchmark(Description = "Address CREATE, space of 10,000, no tenants")]
    public Decision PlainLarge() => _plain.Evaluate(_large, _catalog);

    [Benchmark(Description = "Address CREATE, space of 10,000, 51 tenant entries")]
    public Decision TenantsLarge() => _tenants.Evaluate(_large, _catalog);

    [Benchmark(Description = "AddressSpace CREATE, no tenants")]
    public Decision PlainSpace() => _plain.Evaluate(_space, _catalog);

    [Benchmark(Description = "AddressSpace CREATE, 51 tenant entries")]
    public Decision TenantsSpace() => _tenants.Evaluate(_space, _catalog);

    private static EvaluationRequest Create(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new EvaluationRequest(JsonElementConverter.ToNode(document.RootElement), Operation.Create, null, "team-099", EnforcementPoint.Admission);
    }
}

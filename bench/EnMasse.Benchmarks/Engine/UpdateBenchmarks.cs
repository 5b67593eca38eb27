using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Benchmarks.Engine;

/// <summary>
/// What an UPDATE costs the webhook, objects as a review carries them (JSON, no positions).
/// The baseline judges the update whole (ratcheting off, as an audit would); the ratcheted
/// update with an old error judges the stored object too.
/// </summary>
[MemoryDiagnoser]
public class UpdateBenchmarks
{
    private const string Stored = """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"space3","namespace":"team1"},"spec":{"type":"standard","plan":"PLAN","authenticationService":{"name":"standard-authservice"},"endpoints":[{"name":"messaging","service":"messaging","expose":{"type":"loadbalancer","loadBalancerPorts":["amqps"]},"cert":{"provider":"selfsigned"}},{"name":"messaging-wss","service":"messaging","expose":{"type":"loadbalancer","loadBalancerPorts":["https"]},"cert":{"provider":"selfsigned"}}]}}""";

    private PolicyEngine _engine = null!;
    private CatalogSnapshot _catalog = null!;
    private EvaluationRequest _whole = null!;
    private EvaluationRequest _ratcheted = null!;
    private EvaluationRequest _clean = null!;
    private EvaluationRequest _statusOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bundle = PolicyLoader.BuiltIn().Bundle ?? throw new InvalidOperationException("the built-in policy does not load");
        _engine = new PolicyEngine(bundle);
        _catalog = bundle.Published;

        // "gold" is not published: an error the stored object already had.
        var oldGold = Node(Stored.Replace("PLAN", "gold", StringComparison.Ordinal));
        var newGold = Node(Stored.Replace("PLAN", "gold", StringComparison.Ordinal).Replace("\"name\":\"messaging-wss\"", "\"name\":\"wss\"", StringComparison.Ordinal));
        _whole = Update(newGold, oldGold) with { Ratchet = false };
        _ratcheted = Update(newGold, oldGold);

        var oldSmall = Node(Stored.Replace("PLAN", "standard-small", StringComparison.Ordinal));
        _clean = Update(Node(Stored.Replace("PLAN", "standard-medium", StringComparison.Ordinal)), oldSmall);
        _statusOnly = Update(Node(Stored.Replace("PLAN", "gold", StringComparison.Ordinal)[..^1] + ""","status":{"isReady":true,"phase":"Active"}}"""), oldGold);
        if (_engine.Evaluate(_ratcheted, _catalog).Allowed == _engine.Evaluate(_whole, _catalog).Allowed)
        {
            throw new InvalidOperationException("the ratcheted update must be allowed and the whole one denied");
        }
    }

    [Benchmark(Baseline = true, Description = "UPDATE judged whole (ratchet off), old error")]
    public Decision Whole() => _engine.Evaluate(_whole, _catalog);

    [Benchmark(Description = "UPDATE ratcheted, old error waived")]
    public Decision Ratcheted() => _engine.Evaluate(_ratcheted, _catalog);

    [Benchmark(Description = "UPDATE ratcheted, no error")]
    public Decision Clean() => _engine.Evaluate(_clean, _catalog);

    [Benchmark(Description = "UPDATE of status only")]
    public Decision StatusOnly() => _engine.Evaluate(_statusOnly, _catalog);

    private static EvaluationRequest Update(Node updated, Node stored) =>
        new(updated, Operation.Update, stored, "team1", EnforcementPoint.Admission);

    private static Node Node(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonElementConverter.ToNode(document.RootElement);
    }
}

using System.Text;
using BenchmarkDotNet.Attributes;
using EnMasse.Webhook.Admission;
using EnMasse.Webhook.Diagnostics;
using EnMasse.Webhook.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace EnMasse.Benchmarks.Webhook;

/// <summary>
/// The webhook's handler without HTTP: an AdmissionReview's bytes in, the response's bytes out
/// (read, judge, write, count). Against the engine's own figure it shows what the envelope
/// costs; against the HTTP runs, what Kestrel and TLS cost.
/// </summary>
[MemoryDiagnoser]
public class ReviewBenchmarks
{
    private AdmissionHandler _handler = null!;
    private byte[] _allowed = null!;
    private byte[] _denied = null!;
    private byte[] _mutate = null!;

    /// <summary>The policy directory; bench/run runs from the repository root.</summary>
    public static string Policies { get; set; } = "policies";

    [GlobalSetup]
    public void Setup()
    {
        var metrics = new WebhookMetrics(Prometheus.Metrics.NewCustomRegistry());
        var state = new PolicyState(new PolicySources(Path.GetFullPath(Policies), []), metrics, NullLogger<PolicyState>.Instance);
        if (!state.Reload())
        {
            throw new InvalidOperationException($"the policy in {Policies} does not load");
        }

        state.ApplyClusterChanges([(new(EnMasse.Policy.Model.ResourceKind.AddressSpace, "team1", "myspace"), new EnMasse.Policy.Catalog.AddressSpaceEntry("team1", "myspace", "standard", "standard-small"), null)]);
        _handler = new AdmissionHandler(state, metrics, NullLogger<AdmissionHandler>.Instance);
        _allowed = Encoding.UTF8.GetBytes(WebhookBench.Bodies["validate-allowed"]);
        _denied = Encoding.UTF8.GetBytes(WebhookBench.Bodies["validate-denied"]);
        _mutate = Encoding.UTF8.GetBytes(WebhookBench.Bodies["mutate"]);
    }

    [Benchmark]
    public int ValidateAllowed() => _handler.Handle(_allowed, AdmissionWebhook.Validate).Body.Length;

    /// <summary>An Address of a plan that does not exist: what a denial costs beyond an allowance.</summary>
    [Benchmark]
    public int ValidateDenied() => _handler.Handle(_denied, AdmissionWebhook.Validate).Body.Length;

    [Benchmark]
    public int Mutate() => _handler.Handle(_mutate, AdmissionWebhook.Mutate).Body.Length;
}

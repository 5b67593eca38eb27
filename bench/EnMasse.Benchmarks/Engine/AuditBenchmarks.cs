using System.Text;
using BenchmarkDotNet.Attributes;
using EnMasse.Policy.Audit;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Benchmarks.Engine;

/// <summary>
/// An audit of 10,000 Addresses and 100 AddressSpaces in 20 namespaces (100 addresses a space, one
/// in a hundred with an unpublished plan), against the built-in policy. The baseline is the offline
/// check of the same objects (validate, the file already read): the same engine, judging each as
/// a CREATE against a catalogue built from the files.
/// </summary>
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private PolicyBundle _bundle = null!;
    private IReadOnlyList<ReadResult> _files = null!;
    private IReadOnlyList<Resource> _objects = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bundle = PolicyLoader.BuiltIn().Bundle ?? throw new InvalidOperationException("the built-in policy does not load");
        var yaml = new StringBuilder();
        for (var s = 0; s < 100; s++)
        {
            var ns = $"team{s % 20:D2}";
            yaml.Append($"---\napiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata: {{ name: space{s:D3}, namespace: {ns} }}\nspec: {{ type: standard, plan: standard-small }}\n");
            for (var a = 0; a < 100; a++)
            {
                var plan = a == 7 ? "standard-huge-queue" : "standard-small-queue";
                yaml.Append($"---\napiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {{ name: space{s:D3}.q{a:D3}, namespace: {ns} }}\nspec: {{ address: q{a:D3}, type: queue, plan: {plan} }}\n");
            }
        }

        var read = DocumentLoader.LoadText("cluster.yaml", yaml.ToString());
        _files = [read];
        _objects = [.. Resource.AllIn(read, Resource.DefaultNamespace).Select(r => r.Resource)];
        var audit = Audit();
        var validated = Validate();
        if (audit.Resources.Count != 10_100 || audit.Errors != 100 || validated.Errors != 100)
        {
            throw new InvalidOperationException($"expected 10,100 objects and 100 errors, got {audit.Resources.Count}, {audit.Errors} and {validated.Errors}");
        }
    }

    [Benchmark(Baseline = true, Description = "validate 10,100 objects (file already read)")]
    public BatchResult Validate() => BatchValidator.Validate(_bundle, _files, [], null, EnforcementPoint.Ci);

    [Benchmark(Description = "audit 10,100 objects (catalogue and judgement)")]
    public BatchResult Audit() => Auditor.Judge(new PolicyEngine(_bundle), Auditor.Catalog(_bundle, _objects, PlanSource.Cluster), _objects, EnforcementPoint.Admission);

    [Benchmark(Description = "audit 10,100 objects and their PolicyReports")]
    public int AuditAndReports() => PolicyReports.Build(Audit(), _bundle.Policy.Name, "enmasse-policy").Count;
}

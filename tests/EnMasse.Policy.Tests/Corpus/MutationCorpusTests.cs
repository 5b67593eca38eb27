using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Corpus;

/// <summary>Over every real tenant object of the corpus: the defaults only add, never remove or change what was written.</summary>
public sealed class MutationCorpusTests
{
    [SkippableFact]
    public void Defaults_never_change_or_remove_a_value_of_a_real_tenant_object()
    {
        var (files, error) = InputReader.Read([CorpusFiles.Path("realworld")], stdin: null, Environment.CurrentDirectory);
        Assert.Null(error);
        var engine = new PolicyEngine(TestEngine.Shipped);
        var catalog = TestEngine.Shipped.Published;
        var spaces = 0;
        foreach (var file in files)
        {
            foreach (var (document, resource) in Resource.AllIn(file, "team1"))
            {
                var decision = engine.Evaluate(EvaluationRequest.ForDocument(document, Operation.Create, null, "team1", EnforcementPoint.Admission), catalog);
                var mutated = NodeEquality.ByPath(decision.Resource!.Root);
                foreach (var (path, written) in NodeEquality.ByPath(resource.Root).Where(n => n.Value is ScalarNode))
                {
                    Assert.True(mutated.TryGetValue(path, out var now) && NodeEquality.Same(written, now), $"{file.File}: {path} was changed by {string.Join(", ", decision.Patch.Select(p => p.Path))}");
                }

                Assert.All(decision.Patch, p => Assert.Equal("add", p.Op));
                spaces += resource.Kind == ResourceKind.AddressSpace ? 1 : 0;
            }
        }

        Assert.True(spaces > 10, $"only {spaces} address spaces were read from the corpus");
    }
}

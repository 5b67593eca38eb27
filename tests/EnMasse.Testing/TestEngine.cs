using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Testing;

/// <summary>Runs the real engine over YAML text, with the shipped policy and a small world of existing objects.</summary>
public static class TestEngine
{
    public const string Namespace = World.Namespace;

    public static PolicyBundle Shipped { get; } = PolicyLoader.BuiltIn().Bundle
        ?? throw new InvalidOperationException("the shipped policy does not load");

    /// <summary>The shipped policy judging as another EnMasse release, as --enmasse-version does.</summary>
    public static PolicyBundle Release(string version) =>
        EnMasseVersion.TryParse(version, out var release)
            ? Shipped with { Policy = Shipped.Policy.ForVersion(release) }
            : throw new ArgumentException($"{version} is not a release 0.26-0.33", nameof(version));

    public static Decision Check(string yaml, EnforcementPoint point = EnforcementPoint.Ci, PolicyBundle? bundle = null, string world = World.Team1) =>
        Run(yaml, Operation.Create, null, point, bundle, world);

    public static Decision Update(string oldYaml, string newYaml, PolicyBundle? bundle = null) =>
        Run(newYaml, Operation.Update, Single(oldYaml).Root, EnforcementPoint.Ci, bundle, World.Team1);

    public static Decision Run(string yaml, Operation operation, Node? old, EnforcementPoint point, PolicyBundle? bundle, string world)
    {
        bundle ??= Shipped;
        var document = Single(yaml);
        var catalog = Catalog(bundle, world);
        return new PolicyEngine(bundle).Evaluate(EvaluationRequest.ForDocument(document, operation, old, Namespace, point), catalog);
    }

    public static CatalogSnapshot Catalog(PolicyBundle bundle, string world)
    {
        var builder = new CatalogBuilder(bundle.Published);
        foreach (var document in DocumentLoader.LoadText("world.yaml", world).Documents)
        {
            if (Resource.From(document.Root, Namespace, "world.yaml") is { } resource)
            {
                builder.Add(resource);
            }
        }

        return builder.Build();
    }

    public static SourceDocument Single(string yaml)
    {
        var read = DocumentLoader.LoadText("test.yaml", yaml);
        Assert.Empty(read.FileFindings);
        return Assert.Single(read.Documents);
    }

    /// <summary>The one finding of a rule, failing with the whole list when there is not exactly one.</summary>
    public static Finding One(this Decision decision, string rule)
    {
        var matches = decision.Findings.Where(f => f.Rule == rule).ToList();
        Assert.True(matches.Count == 1, $"expected one {rule} finding, got {matches.Count}: {Describe(decision)}");
        return matches[0];
    }

    public static void None(this Decision decision, string rule) =>
        Assert.True(decision.Findings.All(f => f.Rule != rule), $"expected no {rule} finding: {Describe(decision)}");

    public static void At(this Finding finding, string path, int line, int column)
    {
        Assert.Equal(path, finding.Path);
        Assert.Equal((line, column), (finding.Line, finding.Column));
    }

    public static string Describe(Decision decision) =>
        string.Join(" | ", decision.Findings.Select(f => $"{f.Line}:{f.Column} {f.Severity.ToName()} {f.Rule} {f.Path}: {f.Message}"));

    public static PolicyBundle WithPolicy(string policyYaml)
    {
        var files = new List<PolicyFile> { new("policy.yaml", "policy.yaml", System.Text.Encoding.UTF8.GetBytes(policyYaml)) };
        foreach (var plan in Directory.EnumerateFiles(Repo.Plans))
        {
            files.Add(new PolicyFile("plans/" + Path.GetFileName(plan), plan, File.ReadAllBytes(plan)));
        }

        var result = PolicyLoader.Load(files, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Findings.Select(f => $"{f.Line}:{f.Column} {f.Rule} {f.Message}")));
        return result.Bundle!;
    }
}

using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;

namespace EnMasse.Policy.Engine;

/// <summary>
/// Runs the cases of PolicyTest suites through the engine, exactly as the webhook would judge
/// them; `enmasse-policy test` only prints the outcomes.
/// </summary>
public sealed class PolicyTestRunner(PolicyBundle bundle)
{
    /// <summary>How counts name a suite's catalogue (<see cref="ICatalog.Origin"/>).</summary>
    public const string Origin = "the suite's catalog";

    private readonly PolicyEngine _engine = new(bundle);

    /// <summary>What exists for a suite's cases: the policy's plans and the suite's catalogue files, read as --catalog reads them.</summary>
    public (CatalogSnapshot? Catalog, string? Error) Catalog(PolicyTestSuite suite, string suiteDirectory)
    {
        var (files, error) = InputReader.Read([.. suite.Catalog.Select(t => Path.Combine(suiteDirectory, t.Value))], stdin: null, suiteDirectory, DocumentLimits.Catalog);
        error ??= files.SelectMany(f => f.FileFindings).Select(f => $"{f.File}:{f.Line}:{f.Column}: {f.Message}").FirstOrDefault();
        return error is not null ? (null, error) : (new CatalogBuilder(bundle.Published).AddFiles(files, Resource.DefaultNamespace).WithOrigin(Origin).Build(), null);
    }

    public PolicyTestOutcome Run(PolicyTestCase testCase, ICatalog catalog, string suiteDirectory)
    {
        var (subject, subjectError) = Load(testCase.Object, testCase.File, "file", suiteDirectory, testCase, required: true);
        var (old, oldError) = Load(testCase.Old, testCase.OldFile, "oldFile", suiteDirectory, testCase, required: false);
        if ((subjectError ?? oldError) is { } loadError)
        {
            return new PolicyTestOutcome(testCase, null, [loadError]);
        }

        var decision = _engine.Evaluate(new EvaluationRequest(subject, testCase.Operation, old, testCase.Namespace, testCase.Point), catalog);
        var problems = new List<string>();
        if (decision.Allowed != testCase.ExpectAllowed)
        {
            problems.Add($"expected {Verdict(testCase.ExpectAllowed)}, got {Verdict(decision.Allowed)}");
        }

        var actualRules = PolicyTestOutcome.RulesOf(decision, exempted: false);
        if (testCase.ExpectRules is { } expectedRules && !expectedRules.SequenceEqual(actualRules))
        {
            problems.Add($"expected rules [{string.Join(", ", expectedRules)}], got [{string.Join(", ", actualRules)}]");
        }

        var actualExempted = PolicyTestOutcome.RulesOf(decision, exempted: true);
        if (testCase.ExpectExempted is { } expectedExempted && !expectedExempted.SequenceEqual(actualExempted))
        {
            problems.Add($"expected exempted [{string.Join(", ", expectedExempted)}], got [{string.Join(", ", actualExempted)}]");
        }

        return new PolicyTestOutcome(testCase, decision, problems);
    }

    private static string Verdict(bool allowed) => allowed ? "allowed" : "denied";

    private static (Node? Node, string? Error) Load(MappingNode? inline, Text? file, string fileKey, string suiteDirectory, PolicyTestCase testCase, bool required)
    {
        if (inline is not null)
        {
            return (inline, null);
        }

        if (file is null)
        {
            return (null, required ? "the case names no object: give object: or file:" : null);
        }

        var path = Path.Combine(suiteDirectory, file.Value);
        if (!System.IO.File.Exists(path))
        {
            return (null, $"{fileKey} {file.Value}: no such file");
        }

        var read = InputReader.ReadFile(file.Value, path);
        if (read.FileFindings.Count > 0)
        {
            return (null, $"{fileKey} {file.Value}: does not parse ({read.FileFindings[0].Line}:{read.FileFindings[0].Column} {read.FileFindings[0].Message})");
        }

        // A file of several objects (a tenant's multi-document file, a List) is selected from by kind and name.
        var objects = read.Documents.SelectMany(ListExpander.Expand).Where(d => d.Root is MappingNode).Select(d => (MappingNode)d.Root).ToList();
        var chosen = objects.Where(o => (testCase.SelectKind is null || NodeRead.String(o, "kind")?.Value == testCase.SelectKind)
            && (testCase.SelectName is null || NodeRead.String(NodeRead.Map(o, "metadata"), "name")?.Value == testCase.SelectName)).ToList();
        if (chosen.Count == 1)
        {
            return (chosen[0], null);
        }

        var held = string.Join(", ", objects.Take(10).Select(o => $"{NodeRead.String(o, "kind")?.Value} {NodeRead.String(NodeRead.Map(o, "metadata"), "name")?.Value}"));
        return (null, chosen.Count == 0
            ? $"{fileKey} {file.Value}: no object matches select (it holds: {held})"
            : $"{fileKey} {file.Value}: holds {chosen.Count} objects ({held}); name one with select: {{kind: ..., name: ...}}");
    }
}

/// <summary>How one case went: the engine's decision (null when its object could not be loaded) and why it failed, if it did.</summary>
public sealed record PolicyTestOutcome(PolicyTestCase Case, Decision? Decision, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    /// <summary>The rule ids the decision found (not exempted), or exempted, sorted: what a case's expect: rules and exempted compare with.</summary>
    public static IReadOnlyList<string> RulesOf(Decision decision, bool exempted) =>
        [.. decision.Findings.Where(f => f.Exempted == exempted).Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal)];
}

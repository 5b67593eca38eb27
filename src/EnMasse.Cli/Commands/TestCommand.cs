using EnMasse.Cli.Console;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Schema;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy test [DIR]</c>: runs the PolicyTest suites of a policy directory through the engine.</summary>
internal static class TestCommand
{
    public const string Help = """
        Usage: enmasse-policy test [DIR]

        Runs the suites in DIR/tests/*.yaml (kind PolicyTest) against the policy in DIR
        (default ./policies). Each case names an object (inline or file:), an operation,
        optionally the stored version (old: or oldFile:) and the expected verdict and rule ids.
        Cases are judged at the admission point unless they say point: ci.
        Prints one line per case and a closing "N passed, N failed" line.

        Exit codes: 0 all cases pass, 1 a case fails, 2 the policy or a suite does not load.
        """;

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Contains("--help"))
        {
            console.Out.Write(Help);
            return ExitCodes.Ok;
        }

        if (args.Count > 1 || args.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            console.Error.WriteLine("enmasse-policy test: takes one policy directory");
            return ExitCodes.Usage;
        }

        var dir = args.Count == 1 ? args[0] : "policies";
        var policy = PolicyResolver.Resolve(dir, console);
        if (!policy.Succeeded)
        {
            console.Error.WriteLine("enmasse-policy test: the policy does not load:");
            FindingPrinter.Print(console.Error, policy.Findings);
            return ExitCodes.Usage;
        }

        var testsDir = Path.Combine(Path.GetFullPath(dir, console.WorkingDirectory), "tests");
        if (!Directory.Exists(testsDir))
        {
            console.Error.WriteLine($"enmasse-policy test: {Path.Combine(dir, "tests")}: no such directory; suites live in DIR/tests/*.yaml");
            return ExitCodes.Usage;
        }

        var (suites, error) = InputReader.Read([Path.Combine(dir, "tests")], console.In, console.WorkingDirectory);
        if (error is not null)
        {
            console.Error.WriteLine($"enmasse-policy test: {error}");
            return ExitCodes.Usage;
        }

        var passed = 0;
        var failed = 0;
        // Other files beside the suites (objects a suite's catalog names) are not suites.
        foreach (var suite in suites.Where(s => s.FileFindings.Count > 0 || s.Documents.Any(IsSuite)))
        {
            var problems = SuiteProblems(suite);
            if (problems.Count > 0)
            {
                console.Error.WriteLine($"enmasse-policy test: suite {suite.File} is not valid:");
                FindingPrinter.Print(console.Error, problems);
                return ExitCodes.Usage;
            }

            var root = (MappingNode)suite.Documents.Single(d => d.Root is MappingNode).Root;
            var suiteDir = Path.GetDirectoryName(Path.GetFullPath(suite.File, console.WorkingDirectory))!;
            var catalog = SuiteCatalog(policy.Bundle!, root, suiteDir, console, out var catalogError);
            if (catalogError is not null)
            {
                console.Error.WriteLine($"enmasse-policy test: {suite.File}: {catalogError}");
                return ExitCodes.Usage;
            }

            var engine = new PolicyEngine(policy.Bundle!);
            foreach (var testCase in NodeRead.Maps(NodeRead.List(NodeRead.Map(root, "spec"), "cases")))
            {
                var (ok, line) = RunCase(testCase, engine, catalog, suiteDir, suite.File);
                console.Out.WriteLine(line);
                if (ok) passed++; else failed++;
            }
        }

        console.Out.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static bool IsSuite(SourceDocument document) =>
        document.Root is MappingNode root && NodeRead.String(root, "kind")?.Value == "PolicyTest";

    private static List<Finding> SuiteProblems(ReadResult suite)
    {
        var problems = new List<Finding>(suite.FileFindings);
        var documents = suite.Documents.Where(d => d.Root is MappingNode).ToList();
        if (problems.Count == 0 && documents.Count != 1)
        {
            problems.Add(Finding.ForFile(PolicyIds.File, suite.File, "a suite file holds exactly one PolicyTest document"));
        }

        foreach (var document in documents)
        {
            var raw = new List<RawFinding>(document.Problems);
            SchemaWalker.Walk(document.Root, PolicySchemas.PolicyTest, "PolicyTest", raw, clusterObject: false);
            problems.AddRange(raw.Select(r => Finding.Of(r, Severity.Error, suite.File, "PolicyTest", @namespace: null, name: null)));
        }

        return problems;
    }

    private static CatalogSnapshot SuiteCatalog(PolicyBundle bundle, MappingNode root, string suiteDir, CliConsole console, out string? error)
    {
        var paths = NodeRead.Strings(NodeRead.List(NodeRead.Map(root, "spec"), "catalog")).Select(t => Path.Combine(suiteDir, t.Value)).ToList();
        var (files, collectError) = InputReader.Read(paths, console.In, console.WorkingDirectory);
        error = collectError ?? files.SelectMany(f => f.FileFindings).Select(f => $"{f.File}:{f.Line}:{f.Column}: {f.Message}").FirstOrDefault();
        return new CatalogBuilder(bundle.Published).AddFiles(files, Resource.DefaultNamespace).Build();
    }

    private static (bool Ok, string Line) RunCase(MappingNode testCase, PolicyEngine engine, ICatalog catalog, string suiteDir, string suiteFile)
    {
        var name = NodeRead.String(testCase, "name")?.Value ?? "(unnamed)";
        var label = $"{Path.GetFileNameWithoutExtension(suiteFile)}/{name}";
        // The suite schema allows only CREATE, UPDATE and DELETE, so a failed parse cannot reach here.
        var operation = VocabularyNames.TryParse(NodeRead.String(testCase, "operation")?.Value, out var parsed) ? parsed : Operation.Create;
        var point = NodeRead.String(testCase, "point")?.Value == "ci" ? EnforcementPoint.Ci : EnforcementPoint.Admission;
        var ns = NodeRead.String(testCase, "namespace")?.Value ?? Resource.DefaultNamespace;
        var (subject, subjectError) = Load(testCase, "object", "file", suiteDir);
        var (old, oldError) = Load(testCase, "old", "oldFile", suiteDir);
        if ((subjectError ?? oldError) is { } loadError)
        {
            return (false, $"FAIL {label}: {loadError}");
        }

        var decision = engine.Evaluate(new EvaluationRequest(subject, operation, old, ns, point), catalog);
        var expect = NodeRead.Map(testCase, "expect");
        var expectedAllowed = expect?.Get("allowed") is ScalarNode { Type: ScalarType.Bool } flag && flag.Value is "true" or "True" or "yes";
        var actualRules = decision.Findings.Where(f => !f.Exempted).Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
        var expectedRules = NodeRead.Has(expect, "rules") ? NodeRead.Strings(NodeRead.List(expect, "rules")).Select(t => t.Value).Distinct().Order(StringComparer.Ordinal).ToList() : null;
        var problems = new List<string>();
        if (decision.Allowed != expectedAllowed)
        {
            problems.Add($"expected {(expectedAllowed ? "allowed" : "denied")}, got {(decision.Allowed ? "allowed" : "denied")}");
        }

        if (expectedRules is not null && !expectedRules.SequenceEqual(actualRules))
        {
            problems.Add($"expected rules [{string.Join(", ", expectedRules)}], got [{string.Join(", ", actualRules)}]");
        }

        if (problems.Count == 0)
        {
            return (true, $"PASS {label}");
        }

        var details = string.Join("; ", decision.Findings.Where(f => !f.Exempted).Select(f => $"{f.Rule} {f.Path}: {f.Message}"));
        return (false, $"FAIL {label}: {string.Join("; ", problems)}{(details.Length > 0 ? " | " + details : string.Empty)}");
    }

    private static (Node? Node, string? Error) Load(MappingNode testCase, string inlineKey, string fileKey, string suiteDir)
    {
        if (testCase.Get(inlineKey) is MappingNode inline)
        {
            return (inline, null);
        }

        if (NodeRead.String(testCase, fileKey) is not { } file)
        {
            return (null, inlineKey == "object" ? "the case names no object: give object: or file:" : null);
        }

        var path = Path.Combine(suiteDir, file.Value);
        if (!File.Exists(path))
        {
            return (null, $"{fileKey} {file.Value}: no such file");
        }

        var read = DocumentLoader.Load(file.Value, File.ReadAllBytes(path));
        return read.FileFindings.Count > 0 || read.Documents.Count(d => d.Root is MappingNode) != 1
            ? (null, $"{fileKey} {file.Value}: must hold exactly one well-formed object")
            : (read.Documents.First(d => d.Root is MappingNode).Root, null);
    }
}

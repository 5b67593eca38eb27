using EnMasse.Cli.Console;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Policies;

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

        var runner = new PolicyTestRunner(policy.Bundle!);
        var passed = 0;
        var failed = 0;
        // Other files beside the suites (objects a suite's catalog names) are not suites.
        foreach (var file in suites.Where(PolicyTestSuite.LooksLikeSuite))
        {
            var (suite, problems) = PolicyTestSuite.Read(file);
            if (suite is null)
            {
                console.Error.WriteLine($"enmasse-policy test: suite {file.File} is not valid:");
                FindingPrinter.Print(console.Error, problems);
                return ExitCodes.Usage;
            }

            var suiteDir = Path.GetDirectoryName(Path.GetFullPath(suite.File, console.WorkingDirectory))!;
            var (catalog, catalogError) = runner.Catalog(suite, suiteDir);
            if (catalogError is not null)
            {
                console.Error.WriteLine($"enmasse-policy test: {suite.File}: {catalogError}");
                return ExitCodes.Usage;
            }

            foreach (var testCase in suite.Cases)
            {
                var outcome = runner.Run(testCase, catalog!, suiteDir);
                console.Out.WriteLine(Line(outcome, $"{Path.GetFileNameWithoutExtension(suite.File)}/{testCase.Name}"));
                if (outcome.Passed) passed++; else failed++;
            }
        }

        console.Out.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static string Line(PolicyTestOutcome outcome, string label)
    {
        if (outcome.Passed)
        {
            return $"PASS {label}";
        }

        var details = string.Join("; ", (outcome.Decision?.Findings ?? []).Where(f => !f.Exempted).Select(f => $"{f.Rule} {f.Path}: {f.Message}"));
        return $"FAIL {label}: {string.Join("; ", outcome.Problems)}{(details.Length > 0 ? " | " + details : string.Empty)}";
    }
}

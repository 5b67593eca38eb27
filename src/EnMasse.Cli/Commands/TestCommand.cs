using System.CommandLine;
using EnMasse.Cli.Console;
using EnMasse.Cli.Repository;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy test [DIR]</c>: runs the PolicyTest suites of a policy directory through the engine.</summary>
internal static class TestCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("test", "Run the policy test suites in DIR/tests.");
        var dir = new Argument<string>("DIR") { Description = "The policy directory.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "policies" };
        var only = new Option<string[]>("--case") { Description = "Run only the cases whose name matches GLOB ('*' for any text; repeatable).", HelpName = "GLOB", Arity = ArgumentArity.OneOrMore };
        command.Add(dir);
        command.Add(only);
        Epilogues.Attach(command, """
            Runs the suites in DIR/tests/*.yaml (kind PolicyTest) against the policy in DIR. Each case names an
            object (inline, or file: with select: for a file of several objects), an operation, optionally the
            stored version (old: or oldFile:) and the expected verdict, rule ids and exempted rule ids. Cases
            are judged at the admission point unless they say point: ci.

            A failing case is shown with its file and line: FAIL tests/addresses.yaml:12:7 addresses/<case name>: ...

            Exit codes: 0 all cases pass, 1 a case fails, 2 the policy or a suite does not load (the other suites still run).
            """);
        command.SetAction(parsed => Run(parsed.GetValue(dir)!, parsed.GetValue(only) ?? [], console));
        return command;
    }

    private static int Run(string dir, string[] only, CliConsole console)
    {
        var (policy, _) = PolicyResolver.Resolve(dir, console.WorkingDirectory);
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
        var broken = 0;
        // Other files beside the suites (objects a suite's catalog names) are not suites.
        foreach (var file in suites.Where(PolicyTestSuite.LooksLikeSuite))
        {
            var (suite, problems) = PolicyTestSuite.Read(file);
            if (suite is null)
            {
                console.Error.WriteLine($"enmasse-policy test: suite {file.File} is not valid, its cases were not run:");
                FindingPrinter.Print(console.Error, problems);
                broken++;
                continue;
            }

            var suiteDir = Path.GetDirectoryName(Path.GetFullPath(suite.File, console.WorkingDirectory))!;
            var (catalog, catalogError) = runner.Catalog(suite, suiteDir);
            if (catalogError is not null)
            {
                console.Error.WriteLine($"enmasse-policy test: {suite.File}: {catalogError}; its cases were not run");
                broken++;
                continue;
            }

            foreach (var testCase in suite.Cases.Where(c => only.Length == 0 || only.Any(g => Names.GlobMatches(g, c.Name))))
            {
                var outcome = runner.Run(testCase, catalog!, suiteDir);
                console.Out.WriteLine(Line(outcome, suite.File, $"{Path.GetFileNameWithoutExtension(suite.File)}/{testCase.Name}"));
                if (outcome.Passed) passed++; else failed++;
            }
        }

        console.Out.WriteLine($"{passed} passed, {failed} failed{(broken > 0 ? $", {broken} suite{(broken == 1 ? string.Empty : "s")} not valid" : string.Empty)}");
        return broken > 0 ? ExitCodes.Usage : failed > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static string Line(PolicyTestOutcome outcome, string file, string label)
    {
        if (outcome.Passed)
        {
            return $"PASS {label}";
        }

        var at = outcome.Case.Node.Start;
        var details = string.Join("; ", (outcome.Decision?.Findings ?? []).Select(f => $"{(f.Exempted ? "exempted " : string.Empty)}{f.Rule} {f.Path}: {f.Message}"));
        return $"FAIL {file}:{at.Line}:{at.Column} {label}: {string.Join("; ", outcome.Problems)}{(details.Length > 0 ? " | " + details : string.Empty)}";
    }
}

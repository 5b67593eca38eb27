using System.CommandLine;
using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
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
        var output = CommonOptions.Output(TestReportFormatter.Names);
        var outputFile = CommonOptions.OutputFile();
        command.Add(dir);
        command.Add(only);
        command.Add(output);
        command.Add(outputFile);
        Epilogues.Attach(command, """
            Runs the suites in DIR/tests/*.yaml (kind PolicyTest) against the policy in DIR. Each case names an
            object (inline, or file: with select: for a file of several objects), an operation, optionally the
            stored version (old: or oldFile:) and the expected verdict, rule ids and exempted rule ids. Cases
            are judged at the admission point unless they say point: ci.

            A failing case is shown with its file and line: FAIL tests/addresses.yaml:12:7 addresses/<case name>: ...
            For CI, -o junit gives one testsuite per suite file and one testcase per case (a failure holds the
            case's file:line:column and what differed); -o json gives version, summary and cases with what was
            expected and what the engine decided. A suite that is not valid is said on standard error in every
            format, and is a testsuite with an error in JUnit.

            Examples:
              enmasse-policy test policies
              enmasse-policy test policies -o junit --output-file policy-tests.xml

            Exit codes: 0 all cases pass, 1 a case fails, 2 the policy or a suite does not load (the other suites still run) or --output-file cannot be written.
            """);
        command.SetAction(parsed => Run(parsed.GetValue(dir)!, parsed.GetValue(only) ?? [], parsed.GetValue(output)!, parsed.GetValue(outputFile), console));
        return command;
    }

    private static int Run(string dir, string[] only, string format, string? outputFile, CliConsole console)
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
        var cases = new List<TestCaseResult>();
        var invalid = new List<InvalidSuite>();
        // Other files beside the suites (objects a suite's catalog names) are not suites.
        foreach (var file in suites.Where(PolicyTestSuite.LooksLikeSuite))
        {
            var (suite, problems) = PolicyTestSuite.Read(file);
            if (suite is null)
            {
                console.Error.WriteLine($"enmasse-policy test: suite {file.File} is not valid, its cases were not run:");
                FindingPrinter.Print(console.Error, problems);
                invalid.Add(new InvalidSuite(file.File, [.. problems.Select(TextFormatter.Line)]));
                continue;
            }

            var suiteDir = Path.GetDirectoryName(Path.GetFullPath(suite.File, console.WorkingDirectory))!;
            var (catalog, catalogError) = runner.Catalog(suite, suiteDir);
            if (catalogError is not null)
            {
                console.Error.WriteLine($"enmasse-policy test: {suite.File}: {catalogError}; its cases were not run");
                invalid.Add(new InvalidSuite(suite.File, [catalogError]));
                continue;
            }

            cases.AddRange(suite.Cases
                .Where(c => only.Length == 0 || only.Any(g => Names.GlobMatches(g, c.Name)))
                .Select(c => new TestCaseResult(suite.File, runner.Run(c, catalog!, suiteDir))));
        }

        var report = new TestReport(cases, invalid);
        if (ReportWriter.Write(console, "test", TestReportFormatter.Render(format, report), outputFile, report.Summary) is { } failure)
        {
            return failure;
        }

        return invalid.Count > 0 ? ExitCodes.Usage : report.Failed > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }
}

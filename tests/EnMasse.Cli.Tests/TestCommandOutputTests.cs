using System.Text.Json;
using System.Xml.Linq;

namespace EnMasse.Cli.Tests;

/// <summary><c>enmasse-policy test -o json|junit</c> and <c>--output-file</c>, on real suites in a temporary policy directory.</summary>
public sealed class TestCommandOutputTests
{
    // Line 6 column 7 is the first case, line 14 column 7 the second (after the first case's eight lines).
    private const string Mixed = """
        apiVersion: policy.enmasse.io/v1alpha1
        kind: PolicyTest
        metadata: { name: mixed }
        spec:
          cases:
            - name: an allowed space
              namespace: team1
              object:
                apiVersion: enmasse.io/v1beta1
                kind: AddressSpace
                metadata: { name: s1 }
                spec: { type: standard, plan: standard-small }
              expect: { allowed: true }
            - name: expects the wrong rule
              object:
                apiVersion: enmasse.io/v1beta1
                kind: AddressSpace
                metadata: { name: s1 }
                spec: { type: standard, plan: gold }
              expect: { allowed: false, rules: [addressspace.type] }
        """;

    [Fact]
    public void Junit_has_a_suite_per_file_and_a_case_per_case_with_the_failures_position_and_difference()
    {
        using var run = Policy(("mixed.yaml", Mixed), ("passing.yaml", Passing("only passes")));
        var (exit, output, error) = run.Run("test", "pol", "-o", "junit");

        Assert.True(exit == 1, output + error);
        var root = XDocument.Parse(output).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("3", "1"), ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["pol/tests/mixed.yaml", "pol/tests/passing.yaml"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal(("2", "1", "0"), ((string)suites[0].Attribute("tests")!, (string)suites[0].Attribute("failures")!, (string)suites[0].Attribute("errors")!));

        var cases = suites[0].Elements("testcase").ToList();
        Assert.All(cases, c => Assert.Equal("pol/tests/mixed.yaml", (string)c.Attribute("classname")!));
        Assert.Equal(["an allowed space", "expects the wrong rule"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Null(cases[0].Element("failure"));
        var failure = cases[1].Element("failure")!;
        Assert.Equal("expected rules [addressspace.type], got [addressspace.plan]", (string)failure.Attribute("message")!);
        Assert.StartsWith("pol/tests/mixed.yaml:14:7: expected rules [addressspace.type], got [addressspace.plan] | addressspace.plan ", failure.Value, StringComparison.Ordinal);
        Assert.Null(suites[1].Element("testcase")!.Element("failure"));
    }

    [Fact]
    public void Json_has_the_summary_and_each_case_with_what_was_expected_and_what_was_decided()
    {
        using var run = Policy(("mixed.yaml", Mixed));
        var (exit, output, error) = run.Run("test", "pol", "--output", "json");

        Assert.True(exit == 1, output + error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal((1, 1), (root.GetProperty("summary").GetProperty("passed").GetInt32(), root.GetProperty("summary").GetProperty("failed").GetInt32()));
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(2, cases.Count);

        Assert.True(cases[0].GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cases[0].GetProperty("expected").GetProperty("rules").ValueKind);
        Assert.True(cases[0].GetProperty("actual").GetProperty("allowed").GetBoolean());

        var failed = cases[1];
        Assert.Equal("mixed", failed.GetProperty("suite").GetString());
        Assert.Equal("expects the wrong rule", failed.GetProperty("name").GetString());
        Assert.Equal("pol/tests/mixed.yaml", failed.GetProperty("file").GetString());
        Assert.Equal((14, 7), (failed.GetProperty("line").GetInt32(), failed.GetProperty("column").GetInt32()));
        Assert.False(failed.GetProperty("passed").GetBoolean());
        Assert.False(failed.GetProperty("expected").GetProperty("allowed").GetBoolean());
        Assert.Equal(["addressspace.type"], failed.GetProperty("expected").GetProperty("rules").EnumerateArray().Select(e => e.GetString()));
        Assert.False(failed.GetProperty("actual").GetProperty("allowed").GetBoolean());
        Assert.Equal(["addressspace.plan"], failed.GetProperty("actual").GetProperty("rules").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("addressspace.plan", failed.GetProperty("actual").GetProperty("findings")[0].GetProperty("rule").GetString());
        Assert.Equal(["expected rules [addressspace.type], got [addressspace.plan]"], failed.GetProperty("problems").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_case_whose_object_does_not_load_has_no_actual_decision()
    {
        using var run = Policy(("missing.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: PolicyTest\nspec:\n  cases:\n    - name: a missing file\n      file: nowhere.yaml\n      expect: { allowed: true }\n"));
        var (exit, output, _) = run.Run("test", "pol", "-o", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var only = json.RootElement.GetProperty("cases")[0];
        Assert.Equal(JsonValueKind.Null, only.GetProperty("actual").ValueKind);
        Assert.Equal("file nowhere.yaml: no such file", only.GetProperty("problems")[0].GetString());
    }

    [Fact]
    public void Hostile_case_names_are_escaped_and_bounded_in_every_format()
    {
        var huge = new string('x', 100_000);
        using var run = Policy(("hostile.yaml", $$"""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: PolicyTest
            spec:
              cases:
                - name: "esc\e]0;title\a ]]> <b>&amp; {{huge}}"
                  object: { apiVersion: enmasse.io/v1beta1, kind: AddressSpace, metadata: { name: s1, namespace: t }, spec: { type: standard, plan: gold } }
                  expect: { allowed: true }
            """));

        foreach (var format in new[] { "junit", "json" })
        {
            var (exit, output, error) = run.Run("test", "pol", "-o", format);
            Assert.True(exit == 1, format + output + error);
            Assert.DoesNotContain(output, c => c is '\u001b' or '\u0007');
            Assert.True(output.Length < 40_000, $"{format}: {output.Length} characters");
            var name = format == "junit"
                ? (string)XDocument.Parse(output).Root!.Element("testsuite")!.Element("testcase")!.Attribute("name")!
                : JsonDocument.Parse(output).RootElement.GetProperty("cases")[0].GetProperty("name").GetString()!;
            Assert.StartsWith("esc\\u001b]0;title\\u0007 ]]> <b>&amp; xxx", name, StringComparison.Ordinal);
            Assert.EndsWith(" characters)", name, StringComparison.Ordinal);
            Assert.True(name.Length <= 600, $"{format}: name of {name.Length}");
        }

        var (_, text, _) = run.Run("test", "pol");
        Assert.DoesNotContain(text, c => c is '\u001b' or '\u0007');
        Assert.Contains("esc\\u001b]0;title\\u0007 ]]> <b>&amp; xxx", text, StringComparison.Ordinal);
        Assert.True(text.Length < 40_000, $"text: {text.Length} characters");
    }

    [Fact]
    public void An_invalid_suite_is_a_junit_error_and_exits_2()
    {
        using var run = Policy(
            ("a-broken.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: PolicyTest\nspec:\n  casse: []\n"),
            ("b-good.yaml", Passing("still runs")));
        var (exit, output, error) = run.Run("test", "pol", "-o", "junit");

        Assert.Equal(2, exit);
        Assert.Contains("a-broken.yaml:4:3: error schema.unknown-field", error, StringComparison.Ordinal);
        var root = XDocument.Parse(output).Root!;
        Assert.Equal("1", (string)root.Attribute("errors")!);
        var broken = root.Elements("testsuite").Single(s => (string)s.Attribute("name")! == "pol/tests/a-broken.yaml");
        Assert.Equal("1", (string)broken.Attribute("errors")!);
        Assert.Contains("a-broken.yaml:4:3: error schema.unknown-field", broken.Element("testcase")!.Element("error")!.Value, StringComparison.Ordinal);
        Assert.Contains(root.Elements("testsuite"), s => (string)s.Attribute("name")! == "pol/tests/b-good.yaml" && (string)s.Attribute("failures")! == "0");
    }

    [Fact]
    public void Output_file_holds_the_report_and_standard_output_the_closing_line()
    {
        using var run = Policy(("mixed.yaml", Mixed));
        var (exit, output, error) = run.Run("test", "pol", "-o", "junit", "--output-file", "results/policy-tests.xml");
        Assert.Equal(2, exit);
        Assert.Contains("--output-file results/policy-tests.xml: cannot be written", error, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(run.Directory, "results"));
        (exit, output, error) = run.Run("test", "pol", "-o", "junit", "--output-file", "results/policy-tests.xml");
        Assert.True(exit == 1, output + error);
        Assert.Equal("1 passed, 1 failed\n", output);
        var written = XDocument.Parse(File.ReadAllText(Path.Combine(run.Directory, "results", "policy-tests.xml")));
        Assert.Equal("1", (string)written.Root!.Attribute("failures")!);
    }

    [Fact]
    public void The_shipped_suites_give_a_junit_report_without_failures()
    {
        using var run = new CliRun();
        var (exit, output, error) = run.Run("test", Path.Combine(Repo.Root, "policies"), "-o", "junit");
        Assert.True(exit == 0, output + error);
        var root = XDocument.Parse(output).Root!;
        Assert.Equal("0", (string)root.Attribute("failures")!);
        Assert.True((int)root.Attribute("tests")! > 0);
    }

    [Fact]
    public void Help_names_the_formats_and_an_unknown_one_is_refused()
    {
        using var run = new CliRun();
        var help = run.Run("test", "--help").Out;
        Assert.Contains("-o, --output <text|json|junit>", help, StringComparison.Ordinal);
        Assert.Contains("--output-file <FILE>", help, StringComparison.Ordinal);
        Assert.Contains("-o junit --output-file", help, StringComparison.Ordinal);

        var (exit, _, error) = run.Run("test", "policies", "-o", "sarif");
        Assert.Equal(2, exit);
        Assert.Contains("sarif", error, StringComparison.Ordinal);
    }

    private static string Passing(string name) => $$"""
        apiVersion: policy.enmasse.io/v1alpha1
        kind: PolicyTest
        spec:
          cases:
            - name: {{name}}
              object: { apiVersion: enmasse.io/v1beta1, kind: AddressSpace, metadata: { name: s1, namespace: t }, spec: { type: standard, plan: standard-small } }
              expect: { allowed: true }
        """;

    private static CliRun Policy(params (string Name, string Text)[] suites)
    {
        var run = new CliRun();
        run.WritePolicy("pol", File.ReadAllText(Path.Combine(Repo.Root, "policies", "policy.yaml")));
        foreach (var (name, text) in suites)
        {
            run.Write("pol/tests/" + name, text);
        }

        return run;
    }
}

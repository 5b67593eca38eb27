using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>The formats of <c>enmasse-policy test -o</c>, each a pure function of the <see cref="TestReport"/>.</summary>
internal static class TestReportFormatter
{
    public static readonly string[] Names = ["text", "json", "junit"];

    public static string Render(string format, TestReport report) => format switch
    {
        "json" => Json(report),
        "junit" => Junit(report),
        _ => Text(report),
    };

    /// <summary>A PASS or FAIL line per case, then the closing line.</summary>
    public static string Text(TestReport report)
    {
        var text = new StringBuilder();
        foreach (var result in report.Cases)
        {
            // Escaped and bounded as in the other formats: a name is text from a file, and a terminal would act on its control characters.
            var label = $"{ShownText.Value(result.Suite, ShownText.MaxName)}/{result.ShownName}";
            if (result.Outcome.Passed)
            {
                text.Append("PASS ").Append(label).Append('\n');
            }
            else
            {
                text.Append("FAIL ").Append(Where(result.SuiteFile, result)).Append(' ').Append(label).Append(": ").Append(result.Failure).Append('\n');
            }
        }

        return text.Append(report.Summary).Append('\n').ToString();
    }

    /// <summary>One testsuite per suite file, one testcase per case; a suite that could not be run is a suite with one error.</summary>
    public static string Junit(TestReport report)
    {
        var suites = report.Cases.GroupBy(c => c.SuiteFile)
            .Select(suite => JunitFormatter.Suite(suite.First().ShownSuiteFile, [.. suite.Select(JunitCase)]))
            .Concat(report.Invalid.Select(invalid => JunitFormatter.Suite(invalid.ShownFile, [
                JunitFormatter.Case(invalid.ShownFile, "(suite not run)", invalid.ShownFile, JunitFormatter.Outcome(
                    Shown(invalid.Problems.Count > 0 ? invalid.Problems[0] : "the suite is not valid"), "invalid-suite", Shown(string.Join("\n", invalid.Problems)), "error"))])));
        return JunitFormatter.Document([.. suites]);
    }

    private static XElement JunitCase(TestCaseResult result) => JunitFormatter.Case(
        result.ShownSuiteFile,
        result.ShownName,
        result.ShownSuiteFile,
        result.Outcome.Passed ? null : JunitFormatter.Outcome(Shown(string.Join("; ", result.Outcome.Problems)), "policytest", $"{Where(result.ShownSuiteFile, result)}: {Shown(result.Failure)}"));

    /// <summary>version, summary {passed, failed, invalidSuites}, cases and the suites not run.</summary>
    public static string Json(TestReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonFormatter.Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartObject("summary");
            json.WriteNumber("passed", report.Passed);
            json.WriteNumber("failed", report.Failed);
            json.WriteNumber("invalidSuites", report.Invalid.Count);
            json.WriteEndObject();
            json.WriteStartArray("cases");
            foreach (var result in report.Cases)
            {
                WriteCase(json, result);
            }

            json.WriteEndArray();
            json.WriteStartArray("invalidSuites");
            foreach (var invalid in report.Invalid)
            {
                json.WriteStartObject();
                json.WriteString("file", invalid.ShownFile);
                WriteStrings(json, "problems", invalid.Problems.Select(Shown));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCase(Utf8JsonWriter json, TestCaseResult result)
    {
        var outcome = result.Outcome;
        json.WriteStartObject();
        json.WriteString("suite", ShownText.Value(result.Suite, ShownText.MaxName));
        json.WriteString("name", result.ShownName);
        json.WriteString("file", result.ShownSuiteFile);
        json.WriteNumber("line", result.At.Line);
        json.WriteNumber("column", result.At.Column);
        json.WriteBoolean("passed", outcome.Passed);
        json.WriteStartObject("expected");
        json.WriteBoolean("allowed", outcome.Case.ExpectAllowed);
        WriteStrings(json, "rules", outcome.Case.ExpectRules?.Select(ShownRule));
        WriteStrings(json, "exempted", outcome.Case.ExpectExempted?.Select(ShownRule));
        json.WriteEndObject();
        if (outcome.Decision is { } decision)
        {
            json.WriteStartObject("actual");
            json.WriteBoolean("allowed", decision.Allowed);
            WriteStrings(json, "rules", PolicyTestOutcome.RulesOf(decision, exempted: false));
            WriteStrings(json, "exempted", PolicyTestOutcome.RulesOf(decision, exempted: true));
            json.WriteStartArray("findings");
            foreach (var finding in decision.Findings)
            {
                JsonFormatter.WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            // The case's object could not be loaded, so there is no decision: problems say why.
            json.WriteNull("actual");
        }

        WriteStrings(json, "problems", outcome.Problems.Select(Shown));
        json.WriteEndObject();
    }

    /// <summary>An array of strings, or null when the case does not assert it.</summary>
    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Where(string file, TestCaseResult result) => $"{file}:{result.At.Line}:{result.At.Column}";

    private static string Shown(string text) => ShownText.Message(text);

    private static string ShownRule(string rule) => ShownText.Value(rule);
}

using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>What <c>enmasse-policy test</c> found: every case run, in suite order, and the suites that could not be run.</summary>
internal sealed record TestReport(IReadOnlyList<TestCaseResult> Cases, IReadOnlyList<InvalidSuite> Invalid)
{
    public int Passed => Cases.Count(c => c.Outcome.Passed);

    public int Failed => Cases.Count - Passed;

    /// <summary>The closing line: <c>N passed, N failed</c>, and the suites not valid when there are any.</summary>
    public string Summary =>
        $"{Passed} passed, {Failed} failed{(Invalid.Count > 0 ? $", {Invalid.Count} suite{(Invalid.Count == 1 ? string.Empty : "s")} not valid" : string.Empty)}";
}

/// <summary>One case's outcome and the suite file that holds it (as given, relative to the working directory).</summary>
internal sealed record TestCaseResult(string SuiteFile, PolicyTestOutcome Outcome)
{
    /// <summary>The suite as case labels name it: its file name without the extension.</summary>
    public string Suite => Path.GetFileNameWithoutExtension(SuiteFile);

    /// <summary>Where the case starts in its suite file.</summary>
    public Position At => Outcome.Case.Node.Start;

    /// <summary>What differed, and the decision's findings when there was one: the text a failure shows.</summary>
    public string Failure
    {
        get
        {
            var details = string.Join("; ", (Outcome.Decision?.Findings ?? []).Select(f => $"{(f.Exempted ? "exempted " : string.Empty)}{f.Rule} {f.Path}: {f.Message}"));
            return string.Join("; ", Outcome.Problems) + (details.Length > 0 ? " | " + details : string.Empty);
        }
    }

    /// <summary>The case's name as every structured format shows it: escaped and bounded, since a suite author may write anything.</summary>
    public string ShownName => ShownText.Value(Outcome.Case.Name, ShownText.MaxName);

    public string ShownSuiteFile => ShownText.Value(SuiteFile, ShownText.MaxName);
}

/// <summary>A suite whose cases were not run: why, as one line per problem (its own findings, or its catalogue's error).</summary>
internal sealed record InvalidSuite(string File, IReadOnlyList<string> Problems)
{
    public string ShownFile => ShownText.Value(File, ShownText.MaxName);
}

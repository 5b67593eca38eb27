using System.Xml.Linq;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>
/// JUnit XML: for validate and audit, one test case per resource (a file that does not parse is
/// one case too), failures carrying the messages. The document, suite and case builders are the
/// one JUnit writer every command's report uses; the text they get is already escaped and bounded.
/// </summary>
internal static class JunitFormatter
{
    public static string Format(Report report)
    {
        var result = report.Result;
        var cases = new List<XElement>();
        foreach (var syntax in result.Findings.Where(f => f.Kind is null))
        {
            cases.Add(Case(syntax.File ?? InputNames.Unnamed, "file", [syntax]));
        }

        foreach (var resource in result.Resources)
        {
            // The names as findings show them (escaped, secrets blanked): XML forbids control characters, and a name may hold a password.
            var name = $"{resource.Resource.Kind} {resource.Decision.Shown.Namespace}/{resource.Decision.Shown.Name}";
            cases.Add(Case(ShownText.Value(resource.Resource.File ?? InputNames.Unnamed, ShownText.MaxName), name, resource.Decision.Findings));
        }

        var systemOut = report.Notes.Count > 0 ? string.Join("\n", report.Notes.Select(TextFormatter.Line)) : null;
        return Document([Suite(report.Audit is null ? "enmasse-policy validate" : "enmasse-policy audit", cases, systemOut)]);
    }

    /// <summary>The XML document: a testsuites root with the totals of its suites.</summary>
    public static string Document(IReadOnlyList<XElement> suites)
    {
        var root = new XElement("testsuites", new XAttribute("tests", Total(suites, "tests")), new XAttribute("failures", Total(suites, "failures")));
        if (Total(suites, "errors") is var errors and > 0)
        {
            root.Add(new XAttribute("errors", errors));
        }

        root.Add(suites);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        return document.Declaration + "\n" + document.Root + "\n";
    }

    /// <summary>A testsuite with its counts: a case with a failure element failed, one with an error element could not be run.</summary>
    public static XElement Suite(string name, IReadOnlyList<XElement> cases, string? systemOut = null) => new(
        "testsuite",
        new XAttribute("name", name),
        new XAttribute("tests", cases.Count),
        new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
        new XAttribute("errors", cases.Count(c => c.Element("error") is not null)),
        new XAttribute("skipped", 0),
        cases,
        systemOut is null ? null : new XElement("system-out", systemOut));

    /// <summary>A testcase; <paramref name="outcome"/> is its failure or error element, or null when it passed.</summary>
    public static XElement Case(string classname, string name, string file, XElement? outcome) =>
        new("testcase", new XAttribute("classname", classname), new XAttribute("name", name), new XAttribute("file", file), outcome);

    /// <summary>A failure (or, with <paramref name="element"/> "error", a case that could not be run): a one-line message, its type and the full text.</summary>
    public static XElement Outcome(string message, string type, string text, string element = "failure") =>
        new(element, new XAttribute("message", message), new XAttribute("type", type), text);

    private static XElement Case(string file, string name, IEnumerable<Finding> findings)
    {
        var list = findings.ToList();
        var errors = list.Where(f => f.Denies).ToList();
        var element = Case(file, name, file, errors.Count > 0 ? Outcome(errors[0].Message, errors[0].Rule, string.Join("\n", errors.Select(TextFormatter.Line))) : null);
        var others = list.Where(f => !f.Denies).ToList();
        if (others.Count > 0)
        {
            element.Add(new XElement("system-out", string.Join("\n", others.Select(TextFormatter.Line))));
        }

        return element;
    }

    private static int Total(IEnumerable<XElement> suites, string attribute) => suites.Sum(s => (int)s.Attribute(attribute)!);
}

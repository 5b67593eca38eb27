using System.Xml.Linq;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>JUnit XML: one test case per resource (a file that does not parse is one case too); failures carry the messages.</summary>
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

        var failures = cases.Count(c => c.Element("failure") is not null);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", report.Audit is null ? "enmasse-policy validate" : "enmasse-policy audit"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            cases,
            report.Notes.Count > 0 ? new XElement("system-out", string.Join("\n", report.Notes.Select(TextFormatter.Line))) : null);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", new XAttribute("tests", cases.Count), new XAttribute("failures", failures), suite));
        return document.Declaration + "\n" + document.Root + "\n";
    }

    private static XElement Case(string file, string name, IEnumerable<Finding> findings)
    {
        var element = new XElement("testcase", new XAttribute("classname", file), new XAttribute("name", name), new XAttribute("file", file));
        var list = findings.ToList();
        var errors = list.Where(f => f.Denies).ToList();
        if (errors.Count > 0)
        {
            element.Add(new XElement(
                "failure",
                new XAttribute("message", errors[0].Message),
                new XAttribute("type", errors[0].Rule),
                string.Join("\n", errors.Select(Line))));
        }

        var others = list.Where(f => !f.Denies).ToList();
        if (others.Count > 0)
        {
            element.Add(new XElement("system-out", string.Join("\n", others.Select(Line))));
        }

        return element;
    }

    private static string Line(Finding f) => $"{TextFormatter.Location(f)}: {TextFormatter.Label(f)} {f.Rule}: {f.Message}";
}

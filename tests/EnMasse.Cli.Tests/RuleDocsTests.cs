using System.Text.RegularExpressions;
using EnMasse.Cli.Docs;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Tests;

/// <summary>
/// The rule reference (docs/rules/) against the engine: every registered rule has a page, every
/// page is a registered rule, and every page's examples do what they say under the built-in
/// policy: the one that fails has a finding of the page's rule, the one that passes has none of
/// it and no error at all.
/// </summary>
public sealed partial class RuleDocsTests
{
    private static string RulesDir => Path.Combine(Repo.Root, "docs", "rules");

    public static TheoryData<string> Pages => [.. Directory.GetFiles(RulesDir, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Where(n => n != "README").Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_registered_rule_has_a_page_in_the_repository_and_in_the_tool()
    {
        var missing = RuleRegistry.All.Select(r => r.Id).Where(id => !File.Exists(Path.Combine(RulesDir, id + ".md"))).ToList();
        Assert.True(missing.Count == 0, $"docs/rules/ has no page for: {string.Join(", ", missing)}. Add docs/rules/<rule id>.md with a ```yaml fails and a ```yaml passes example (docs/rules/README.md says how), and a row in docs/rules/README.md.");
        var notCompiled = RuleRegistry.All.Select(r => r.Id).Where(id => RuleDocs.Page(id) is null).ToList();
        Assert.True(notCompiled.Count == 0, $"enmasse-policy explain does not have the page of: {string.Join(", ", notCompiled)} (src/EnMasse.Cli/EnMasse.Cli.csproj embeds docs/rules/*.md; rebuild)");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_documents_a_registered_rule_and_is_listed(string page)
    {
        Assert.True(RuleRegistry.Find(page) is not null, $"docs/rules/{page}.md documents no rule of RuleRegistry.All; rename it to a rule id or remove it");
        Assert.Contains($"]({page}.md)", File.ReadAllText(Path.Combine(RulesDir, "README.md")), StringComparison.Ordinal);
        Assert.StartsWith($"# {page}\n", File.ReadAllText(Path.Combine(RulesDir, page + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_failing_example_fails_with_its_rule(string page)
    {
        var result = Judge(page, "fails");
        Assert.True(
            result.Findings.Any(f => f.Rule == page && !f.Exempted),
            $"docs/rules/{page}.md: the ```yaml fails example gives no {page} finding under the built-in policy; it gives: {Describe(result)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_passing_example_passes(string page)
    {
        var result = Judge(page, "passes");
        Assert.True(
            result.Findings.All(f => f.Rule != page) && result.Errors == 0,
            $"docs/rules/{page}.md: the ```yaml passes example is not clean under the built-in policy: {Describe(result)}");
    }

    [Theory]
    [InlineData("address.plan")]
    [InlineData("user.serviceaccount-namespace")]
    public void Explain_prints_the_page_and_rules_lists_every_rule(string rule)
    {
        using var run = new CliRun();
        var (exit, output, _) = run.Run("explain", rule);
        Assert.Equal(0, exit);
        Assert.StartsWith(File.ReadAllText(Path.Combine(RulesDir, rule + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal), output, StringComparison.Ordinal);
        var (rulesExit, list, _) = run.Run("rules", "--policies", "builtin");
        Assert.Equal(0, rulesExit);
        Assert.All(RuleRegistry.All, r => Assert.Contains("\n" + r.Id + " ", list, StringComparison.Ordinal));
        Assert.Matches(@"\naddress\.plan +error +error +fixed +", list);
        Assert.Matches(@"\nuser\.authorization-address +warning +warning +- +", list);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_suggests_the_nearest_and_exits_2()
    {
        using var run = new CliRun();
        var (exit, _, error) = run.Run("explain", "adress.plan");
        Assert.Equal(2, exit);
        Assert.Contains("did you mean \"address.plan\"?", error, StringComparison.Ordinal);
    }

    private static BatchResult Judge(string page, string which)
    {
        var text = File.ReadAllText(Path.Combine(RulesDir, page + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var block = Block(text, which) ?? throw new Xunit.Sdk.XunitException($"docs/rules/{page}.md has no ```yaml {which} block");
        var stored = Block(text, "stored");
        var bundle = PolicyLoader.BuiltIn().Bundle!;
        var file = DocumentLoader.LoadText($"{page}.md ({which})", block);
        IReadOnlyList<ReadResult> catalog = stored is null ? [] : [DocumentLoader.LoadText($"{page}.md (stored)", stored)];
        return BatchValidator.Validate(bundle, [file], catalog, @namespace: null, EnforcementPoint.Ci);
    }

    private static string? Block(string page, string which) =>
        FencedBlock().Matches(page).FirstOrDefault(m => m.Groups["which"].Value == which)?.Groups["body"].Value;

    private static string Describe(BatchResult result) =>
        result.Findings.Count == 0 ? "no finding" : string.Join("; ", result.Findings.Select(f => $"{f.Line}:{f.Column} {(f.Exempted ? "exempted" : f.Severity.ToName())} {f.Rule}: {f.Message}"));

    [GeneratedRegex(@"^```yaml (?<which>fails|passes|stored)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}

using System.Text.RegularExpressions;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Docs;

/// <summary>docs/rules-enmasse-versions.md has one entry per rule, with the rule's default weight, and names no rule that does not exist.</summary>
public sealed partial class RulesPageTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules-enmasse-versions.md"));

    public static TheoryData<string> Rules => new(RuleRegistry.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_has_an_entry_with_its_default_weight(string id)
    {
        var rule = RuleRegistry.Find(id)!;
        var entry = Entry().Matches(Page).SingleOrDefault(m => m.Groups["id"].Value == id);
        Assert.True(entry is not null, $"docs/rules-enmasse-versions.md has no entry **`{id}`**");
        var weight = entry.Groups["weight"].Value;
        Assert.StartsWith(rule.DefaultSeverity.ToName(), weight.TrimStart('*'), StringComparison.Ordinal);
        Assert.Equal(rule.Fixed, weight.Contains("fixed", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_entry_is_a_rule() =>
        Assert.All(Entry().Matches(Page).Select(m => m.Groups["id"].Value), id => Assert.NotNull(RuleRegistry.Find(id)));

    [GeneratedRegex(@"^\*\*`(?<id>[a-z0-9.\-]+)`\*\* \((?<weight>[^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex Entry();
}

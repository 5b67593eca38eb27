using System.Text.RegularExpressions;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Docs;

/// <summary>
/// Every rule page (docs/rules/&lt;id&gt;.md) states the rule's default weight at both enforcement
/// points and whether it is fixed as the registry has them, so a change of a default cannot leave
/// its page behind. (RuleDocsTests checks that the pages exist and that their examples hold.)
/// </summary>
public sealed partial class RulesPageTests
{
    public static TheoryData<string> Rules => new(RuleRegistry.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_page_states_the_default_weight_and_whether_the_rule_is_fixed(string id)
    {
        var rule = RuleRegistry.Find(id)!;
        var page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules", id + ".md"));
        var line = Weight().Match(page);
        Assert.True(line.Success, $"docs/rules/{id}.md has no 'Default severity: ...' line");
        var (admission, ci) = (rule.DefaultAt(EnforcementPoint.Admission).ToName(), rule.DefaultAt(EnforcementPoint.Ci).ToName());
        var expected = admission == ci ? admission : $"{admission} at admission, {ci} in CI";
        Assert.Equal(expected, line.Groups["weight"].Value);
        Assert.Equal(rule.Fixed, line.Groups["rest"].Value.StartsWith(" Fixed:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reference_lists_the_releases_the_policy_can_name()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules", "README.md"));
        Assert.Contains("spec.enmasseVersion", readme, StringComparison.Ordinal);
        Assert.Contains($"--enmasse-version {EnMasseVersion.Names[0]} ... {EnMasseVersion.Names[^1]}", readme, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Default severity: (?<weight>[^.]*)\.(?<rest>[^\n]*)")]
    private static partial Regex Weight();
}

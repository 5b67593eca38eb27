using System.Text;
using System.Text.RegularExpressions;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Policies;

/// <summary>
/// `policy check` on spec.tenants: each kind of bad entry is an error at its file, line and
/// column, and a policy holding one does not load (the webhook keeps the last good one).
/// </summary>
public sealed class TenantPolicyCheckTests
{
    private const string Head = "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  tenants:\n";

    /// <summary>Loads spec.tenants (from line 5 on) with the shipped plans.</summary>
    private static PolicyLoadResult Load(string tenants)
    {
        var files = new List<PolicyFile> { new("policy.yaml", "p/policy.yaml", Encoding.UTF8.GetBytes(Head + tenants)) };
        files.AddRange(Directory.EnumerateFiles(Repo.Plans).Order(StringComparer.Ordinal).Select(f => new PolicyFile("plans/" + Path.GetFileName(f), f, File.ReadAllBytes(f))));
        return PolicyLoader.Load(files, "p");
    }

    private static Finding Single(string tenants, string rule, int line, int column)
    {
        var result = Load(tenants);
        Assert.False(result.Succeeded);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((rule, "p/policy.yaml", line, column), (finding.Rule, finding.File, finding.Line, finding.Column));
        return finding;
    }

    [Fact]
    public void The_two_teams_of_the_tests_and_the_shipped_example_load()
    {
        Assert.True(PolicyLoader.LoadDirectory(Repo.Policies).Succeeded);
        var teams = TestEngine.WithPolicy(TenantWorld.Policy).Policy;
        Assert.Equal(2, teams.Tenants.Count);
        Assert.Equal((2, 3, 2), (teams.Tenants[0].MaxAddressSpaces, teams.Tenants[0].MaxAddresses, teams.Tenants[0].MaxMessagingUsers));
        Assert.Null(teams.Tenants[0].AddressPlans);
        Assert.Equal(["standard-small-queue", "standard-small-topic"], teams.Tenants[1].AddressPlans!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_address_space_plan_nobody_publishes_is_refused_with_a_suggestion()
    {
        var finding = Single("    - namespaces: [payments]\n      addressSpacePlans: [standard-small, standard-meduim]\n", PolicyIds.Reference, 6, 43);
        Assert.Equal("spec.tenants[0] grants address space plan \"standard-meduim\", which is not published; did you mean \"standard-medium\"?", finding.Message);
    }

    [Fact]
    public void An_address_plan_nobody_publishes_is_refused()
    {
        var finding = Single("    - namespaces: [payments]\n      addressPlans:\n        - standard-small-queue\n        - standard-huge-queue\n", PolicyIds.Reference, 8, 11);
        Assert.StartsWith("spec.tenants[0] grants address plan \"standard-huge-queue\", which is not published", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_does_not_compile_is_refused()
    {
        var finding = Single("    - { namespaces: [payments], addressSpaceNames: \"^pay-(\" }\n", PolicyIds.Value, 5, 52);
        Assert.StartsWith("spec.tenants[0].addressSpaceNames is not a regular expression the rules can use", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^(pay)-\\\\1$")]
    [InlineData("^(?=pay)")]
    [InlineData("(?>a+)b")]
    public void A_pattern_that_needs_backtracking_is_refused(string pattern)
    {
        var finding = Single($"    - {{ namespaces: [payments], addressSpaceNames: \"{pattern}\" }}\n", PolicyIds.Value, 5, 52);
        Assert.Contains("backreferences, lookarounds and atomic groups are refused", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_known_for_catastrophic_backtracking_is_matched_in_linear_time()
    {
        var (pattern, error) = NamePattern.Compile("^(a+)+$");
        Assert.Null(error);
        Assert.True(pattern!.Regex.Options.HasFlag(RegexOptions.NonBacktracking));
        // 60 a's and a b: exponential for a backtracking engine, one pass here.
        Assert.False(pattern.Matches(new string('a', 60) + "b"));
        Assert.True(pattern.Matches(new string('a', 60)));
    }

    [Theory]
    [InlineData("Payments")]
    [InlineData("team_*")]
    [InlineData("-team*")]
    [InlineData("*-")]
    [InlineData("")]
    [InlineData("a.b")]
    public void A_namespace_glob_that_can_never_match_is_refused(string glob)
    {
        var finding = Single($"    - namespaces: [\"{glob}\"]\n", PolicyIds.Value, 5, 20);
        Assert.Contains("can never match", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_longer_than_a_namespace_can_be_is_refused()
    {
        // The shortest name "a...a*-*" matches is the a's, a '-' and one more character.
        Single($"    - namespaces: [\"{new string('a', 62)}*-*\"]\n", PolicyIds.Value, 5, 20);
        Assert.True(Load($"    - namespaces: [\"{new string('a', 61)}*-*\"]\n").Succeeded);
    }

    [Fact]
    public void An_entry_every_namespace_of_which_an_earlier_one_matches_is_refused_once()
    {
        var finding = Single("    - namespaces: [\"team-*\"]\n      maxAddressSpaces: 2\n    - namespaces: [team-payments, \"team-pay*\"]\n      maxAddressSpaces: 5\n", PolicyIds.Value, 7, 7);
        Assert.Equal("spec.tenants[1] never applies: every namespace it names is matched first by spec.tenants[0] (\"team-*\"); the first entry whose namespaces match applies: move this entry above it, or narrow the earlier one", finding.Message);
    }

    [Fact]
    public void A_namespace_an_earlier_entry_matches_is_refused_at_that_namespace()
    {
        var finding = Single("    - namespaces: [payments]\n    - namespaces: [web, payments]\n", PolicyIds.Value, 6, 25);
        Assert.StartsWith("namespace \"payments\" of spec.tenants[1] is matched first by spec.tenants[0] (\"payments\"), so this entry never applies to it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrower_glob_after_a_wider_one_is_shadowed_and_the_other_order_is_fine()
    {
        Assert.False(Load("    - namespaces: [\"*\"]\n    - namespaces: [\"team-*-dev\"]\n").Succeeded);
        Assert.True(Load("    - namespaces: [\"team-*-dev\"]\n    - namespaces: [\"team-*\"]\n    - namespaces: [\"*\"]\n").Succeeded);
        Assert.True(Load("    - namespaces: [\"team-*\"]\n    - namespaces: [\"*-dev\"]\n").Succeeded);
    }

    [Theory]
    [InlineData("maxAddressSpaces: -1")]
    [InlineData("maxAddresses: 99999999999")]
    [InlineData("maxMessagingUsers: 0x10")]
    public void A_limit_that_is_not_a_whole_number_from_zero_is_refused(string limit)
    {
        var finding = Single($"    - namespaces: [payments]\n      {limit}\n", PolicyIds.Value, 6, limit.IndexOf(':', StringComparison.Ordinal) + 9);
        Assert.EndsWith($"must be a whole number from 0 to {int.MaxValue}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_namespaces_is_refused()
    {
        Single("    - namespaces: []\n      maxAddressSpaces: 1\n", PolicyIds.Value, 5, 19);
        Assert.Equal(RuleIds.SchemaRequired, Assert.Single(Load("    - maxAddressSpaces: 1\n").Findings).Rule);
    }

    [Fact]
    public void An_unknown_field_of_an_entry_is_refused_with_a_suggestion()
    {
        var finding = Single("    - namespaces: [payments]\n      maxAdresses: 2\n", RuleIds.SchemaUnknownField, 6, 7);
        Assert.Contains("did you mean \"maxAddresses\"?", finding.Message, StringComparison.Ordinal);
    }
}

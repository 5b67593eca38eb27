using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Tests.Naming;

/// <summary>The one glob of the project ('*' for any run of characters): matching, inclusion between globs, and whether a glob can name a namespace.</summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("team-*", "team-", true)]
    [InlineData("team-*", "team-web", true)]
    [InlineData("team-*", "teams", false)]
    [InlineData("*-dev", "team-a-dev", true)]
    [InlineData("*-dev", "team-a-devs", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("address.plan", "address.plan-type", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void Globs_match_as_written(string glob, string value, bool expected) => Assert.Equal(expected, Names.GlobMatches(glob, value));

    [Fact]
    public void A_glob_with_many_stars_against_a_long_value_is_answered_without_a_regex()
    {
        // A backtracking regex (.*a)*... takes exponential time here; the matcher is at most glob x value.
        var glob = string.Concat(Enumerable.Repeat("*a", 30)) + "*b";
        Assert.False(Names.GlobMatches(glob, new string('a', 100_000)));
        Assert.True(Names.GlobMatches(glob, new string('a', 100_000) + "b"));
    }

    [Theory]
    [InlineData("*", "team-*", true)]
    [InlineData("team-*", "team-pay*", true)]
    [InlineData("team-*", "team-payments", true)]
    [InlineData("team-*", "team-*-dev", true)]
    [InlineData("team-*", "*", false)]
    [InlineData("team-*", "*-dev", false)]
    [InlineData("*-dev", "team-*", false)]
    [InlineData("payments", "payments", true)]
    [InlineData("payments", "payments-*", false)]
    [InlineData("a*c", "ab*c", true)]
    [InlineData("ab*c", "a*c", false)]
    public void A_glob_covers_another_when_it_matches_everything_the_other_does(string outer, string inner, bool expected) =>
        Assert.Equal(expected, Names.GlobCovers(outer, inner));

    [Theory]
    [InlineData("payments", true)]
    [InlineData("team-*", true)]
    [InlineData("*", true)]
    [InlineData("*-*", true)]
    [InlineData("*-x", true)]
    [InlineData("", false)]
    [InlineData("Team-*", false)]
    [InlineData("team_*", false)]
    [InlineData("-team*", false)]
    [InlineData("*team-", false)]
    [InlineData("a.b", false)]
    public void A_glob_can_match_a_namespace_only_with_namespace_characters_and_ends(string glob, bool expected) =>
        Assert.Equal(expected, Names.GlobCanMatchDnsLabel(glob));
}

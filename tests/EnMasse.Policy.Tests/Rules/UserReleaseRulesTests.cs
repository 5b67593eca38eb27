using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Rules;

/// <summary>MessagingUser rules that follow the release (ground truth §7 and §8).</summary>
public sealed class UserPasswordByReleaseTests
{
    private static Decision Password(string value, string release) =>
        TestEngine.Check(Users.User(auth: $"    password: \"{value}\""), bundle: TestEngine.Release(release));

    [Fact]
    public void Up_to_0_30_a_missing_padding_is_fine_as_java_reads_it() =>
        Password("cGFzc3dvcmQ", "0.30").None(RuleIds.UserAuthentication);

    [Fact]
    public void From_0_31_the_padding_is_required_as_go_reads_it()
    {
        var finding = Password("cGFzc3dvcmQ", "0.31").One(RuleIds.UserAuthentication);
        Assert.Equal("spec.authentication.password is not base64 as EnMasse 0.31 decodes it (with its '=' padding); encode it, e.g. echo -n '<password>' | base64", finding.Message);
    }

    [Fact]
    public void A_line_break_is_refused_up_to_0_30_and_skipped_from_0_31()
    {
        Assert.Contains("one line, no spaces", Password("cGFz\\nc3dvcmQ=", "0.30").One(RuleIds.UserAuthentication).Message, StringComparison.Ordinal);
        Password("cGFz\\nc3dvcmQ=", "0.31").None(RuleIds.UserAuthentication);
    }

    [Theory]
    [InlineData("0.26")]
    [InlineData("0.30")]
    public void A_plain_text_password_java_takes_is_garbled_and_denied(string release)
    {
        var finding = Password("mypassword", release).One(RuleIds.UserAuthentication);
        Assert.Contains($"decodes to bytes that are not text, so EnMasse {release} would set a garbled password", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mypassword", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_text_password_is_not_base64_for_0_31() =>
        Assert.Contains("is not base64 as EnMasse 0.31", Password("mypassword", "0.31").One(RuleIds.UserAuthentication).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("0.30")]
    [InlineData("0.31")]
    public void A_missing_password_is_denied_in_every_release(string release) =>
        TestEngine.Check(Users.User(auth: string.Empty), bundle: TestEngine.Release(release)).One(RuleIds.UserAuthentication).At("spec.authentication.password", 7, 3);

    [Theory]
    [InlineData("0.30", "password, federated, serviceaccount")]
    [InlineData("0.31", "password, serviceaccount")]
    public void An_unknown_type_lists_what_the_release_supports(string release, string types) =>
        Assert.Contains($"allowed: {types}", TestEngine.Check(Users.User(type: "oauth", auth: string.Empty), bundle: TestEngine.Release(release)).One(RuleIds.UserAuthentication).Message, StringComparison.Ordinal);
}

public sealed class UserAuthorizationByReleaseTests
{
    private static Decision Grant(string entries, string release = "0.31", string name = "myspace.user1") =>
        TestEngine.Check(Users.User(name: name, extra: "  authorization:\n" + entries), bundle: TestEngine.Release(release));

    [Theory]
    [InlineData("0.26")]
    [InlineData("0.30")]
    [InlineData("0.33")]
    public void Manage_needs_no_addresses_in_any_release(string release)
    {
        var decision = Grant("    - { operations: [manage] }", release);
        decision.None(RuleIds.UserAuthorization);
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }

    [Fact]
    public void View_without_addresses_is_refused_up_to_0_30_and_fine_from_0_31()
    {
        var finding = Grant("    - { operations: [view] }", "0.30").One(RuleIds.UserAuthorization);
        finding.At("spec.authorization[0].addresses", 11, 7);
        Assert.Contains("EnMasse 0.30 refuses view without an addresses field", finding.Message, StringComparison.Ordinal);
        Grant("    - { operations: [view] }", "0.31").None(RuleIds.UserAuthorization);
    }

    [Theory]
    [InlineData("0.30")]
    [InlineData("0.31")]
    public void Manage_and_view_with_an_empty_list_pass(string release) =>
        Grant("    - { operations: [manage], addresses: [] }\n    - { operations: [view], addresses: [] }", release).None(RuleIds.UserAuthorization);

    [Theory]
    [InlineData("    - { operations: [send] }")]
    [InlineData("    - { operations: [recv, view], addresses: [] }")]
    public void Send_and_recv_without_addresses_grant_nothing_and_are_denied(string entry) =>
        Assert.Contains("needs at least one address pattern", Grant(entry).One(RuleIds.UserAuthorization).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("orders*")]
    [InlineData("topic/+")]
    [InlineData("topic/*")]
    [InlineData("a/+/b/#")]
    [InlineData("*")]
    public void Either_space_type_s_wildcards_are_readable(string pattern) =>
        Grant($"    - {{ operations: [send], addresses: [\"{pattern}\"] }}").None(RuleIds.UserAuthorization);

    [Theory]
    [InlineData("*temp.*")]
    [InlineData("or*ders")]
    [InlineData("topic/a*b")]
    public void A_wildcard_inside_a_word_is_denied(string pattern) =>
        Assert.Contains("uses a wildcard inside a word", Grant($"    - {{ operations: [send], addresses: [\"{pattern}\"] }}").One(RuleIds.UserAuthorization).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("topic/+")]
    [InlineData("topic/*")]
    [InlineData("*/prices")]
    [InlineData("topic/prices")]
    public void Brokered_wildcards_match_words(string pattern) =>
        Grant($"    - {{ operations: [recv], addresses: [\"{pattern}\"] }}", name: "bspace.user1").None(RuleIds.UserAuthorizationAddress);

    [Theory]
    [InlineData("topic/+/x")]
    [InlineData("queue/*")]
    [InlineData("topic*")]
    public void Brokered_patterns_that_match_no_address_warn(string pattern) =>
        Assert.Equal(Severity.Warning, Grant($"    - {{ operations: [recv], addresses: [\"{pattern}\"] }}", name: "bspace.user1").One(RuleIds.UserAuthorizationAddress).Severity);

    [Theory]
    [InlineData("*")]
    [InlineData("#")]
    public void A_grant_of_everything_never_warns(string pattern) =>
        Grant($"    - {{ operations: [send], addresses: [\"{pattern}\"] }}").None(RuleIds.UserAuthorizationAddress);
}

public sealed class UserNameByReleaseTests
{
    [Fact]
    public void Up_to_0_30_the_space_part_starts_with_a_letter()
    {
        Assert.Contains("is refused by EnMasse 0.30", TestEngine.Check(Users.User(name: "1space.user1"), bundle: TestEngine.Release("0.30")).One(RuleIds.UserName).Message, StringComparison.Ordinal);
        TestEngine.Check(Users.User(name: "1space.user1"), bundle: TestEngine.Release("0.31")).None(RuleIds.UserName);
    }

    [Fact]
    public void Up_to_0_30_enmasse_s_pattern_takes_at_signs_a_kubernetes_name_does_not()
    {
        TestEngine.Check(Users.User(name: "myspace.me@example.com"), bundle: TestEngine.Release("0.30")).None(RuleIds.UserName);
        Assert.Contains("DNS-1123 subdomain", TestEngine.Check(Users.User(name: "myspace.me@example.com"), bundle: TestEngine.Release("0.31")).One(RuleIds.UserName).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_three_part_user_name_passes() => TestEngine.Check(Users.User(name: "myspace.input.client-1")).None(RuleIds.UserName);
}

public sealed class UserUsernameDuplicateRuleTests
{
    [Theory]
    [InlineData("0.30", "EnMasse 0.30 refuses the second (User 'app' already exists)")]
    [InlineData("0.31", "EnMasse 0.31 would silently give both objects one Keycloak user")]
    public void A_username_another_user_of_the_space_has_is_denied(string release, string says)
    {
        var finding = TestEngine.Check(Users.User(name: "myspace.app2", username: "app"), bundle: TestEngine.Release(release)).One(RuleIds.UserUsernameDuplicate);
        finding.At("spec.username", 6, 13);
        Assert.Contains("already used by MessagingUser \"myspace.app\" in address space \"myspace\"", finding.Message, StringComparison.Ordinal);
        Assert.Contains(says, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_user_again_and_the_same_username_in_another_space_pass()
    {
        TestEngine.Check(Users.User(name: "myspace.app", username: "app")).None(RuleIds.UserUsernameDuplicate);
        TestEngine.Check(Users.User(name: "bspace.app", username: "app")).None(RuleIds.UserUsernameDuplicate);
    }
}

public sealed class UserUsernameDuplicateOnUpdateTests
{
    [Fact]
    public void An_update_that_keeps_the_username_is_not_refused_for_an_older_clash()
    {
        var user = Users.User(name: "myspace.app2", username: "app");
        TestEngine.Run(user, Operation.Update, TestEngine.Single(user).Root, EnforcementPoint.Ci, null, World.Team1).None(RuleIds.UserUsernameDuplicate);
        TestEngine.Run(user, Operation.Update, TestEngine.Single(Users.User(name: "myspace.app2", username: "other")).Root, EnforcementPoint.Ci, null, World.Team1).One(RuleIds.UserUsernameDuplicate);
    }
}

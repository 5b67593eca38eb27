using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Tests.Rules;

internal static class Users
{
    public const string Password = "aHVudGVyMi13b2xm";

    /// <summary>name at 4:9, username at 6:13, authentication at 7:3, type at 8:11, auth lines from 9, then extra.</summary>
    public static string User(
        string name = "myspace.user1",
        string username = "user1",
        string type = "password",
        string auth = "    password: " + Password,
        string extra = "  authorization:\n    - { addresses: [queue1, \"orders*\"], operations: [send, recv] }") => $"""
        apiVersion: user.enmasse.io/v1beta1
        kind: MessagingUser
        metadata:
          name: {name}
        spec:
          username: {username}
          authentication:
            type: {type}
        {auth}
        {extra}
        """;
}

public sealed class UserNameRuleTests
{
    [Fact]
    public void A_name_without_the_space_prefix_is_denied()
    {
        var finding = TestEngine.Check(Users.User(name: "user1")).One(RuleIds.UserName);
        finding.At("metadata.name", 4, 9);
        Assert.Contains("MessagingUser name \"user1\" must be <addressspace>.<name>", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scoped_name_passes() => TestEngine.Check(Users.User()).None(RuleIds.UserName);
}

public sealed class UserSpaceRuleTests
{
    [Fact]
    public void A_user_of_a_missing_space_is_denied()
    {
        var finding = TestEngine.Check(Users.User(name: "nospace.user1")).One(RuleIds.UserSpace);
        finding.At("metadata.name", 4, 9);
    }

    [Fact]
    public void A_user_of_an_existing_space_passes() => TestEngine.Check(Users.User()).None(RuleIds.UserSpace);
}

public sealed class UserUsernameRuleTests
{
    [Theory]
    [InlineData("User1")]
    [InlineData("user1-")]
    [InlineData("_user")]
    [InlineData("us er")]
    public void A_username_outside_the_pattern_is_denied(string username)
    {
        var finding = TestEngine.Check(Users.User(username: $"\"{username}\"")).One(RuleIds.UserUsername);
        finding.At("spec.username", 6, 13);
    }

    [Fact]
    public void A_missing_username_is_denied_at_spec()
    {
        var yaml = Users.User().Replace("  username: user1\n", string.Empty, StringComparison.Ordinal);
        TestEngine.Check(yaml).One(RuleIds.UserUsername).At("spec.username", 5, 1);
    }

    [Theory]
    [InlineData("user1")]
    [InlineData("app@example.com")]
    [InlineData("a")]
    [InlineData("team_1.app:x-y")]
    public void A_username_in_the_pattern_passes(string username) =>
        TestEngine.Check(Users.User(username: username)).None(RuleIds.UserUsername);
}

public sealed class UserAuthenticationRuleTests
{
    [Fact]
    public void Password_authentication_without_a_password_is_denied_at_authentication()
    {
        TestEngine.Check(Users.User(auth: string.Empty)).One(RuleIds.UserAuthentication).At("spec.authentication.password", 7, 3);
    }

    [Fact]
    public void A_password_that_is_not_base64_is_denied_and_never_quoted()
    {
        var decision = TestEngine.Check(Users.User(auth: "    password: \"hunter2 in clear!\""));
        var finding = decision.One(RuleIds.UserAuthentication);
        finding.At("spec.authentication.password", 9, 15);
        Assert.All(decision.Findings, f => Assert.DoesNotContain("hunter2", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_type_is_denied_with_a_guess()
    {
        var finding = TestEngine.Check(Users.User(type: "pasword")).One(RuleIds.UserAuthentication);
        finding.At("spec.authentication.type", 8, 11);
        Assert.Contains("did you mean \"password\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Federated_up_to_0_30_needs_provider_user_id_and_name_for_every_provider()
    {
        var bundle = TestEngine.Release("0.30");
        var all = TestEngine.Check(Users.User(type: "federated", auth: string.Empty), bundle: bundle).Findings.Where(f => f.Rule == RuleIds.UserAuthentication).Select(f => f.Path);
        Assert.Equal(["spec.authentication.federatedUserid", "spec.authentication.federatedUsername", "spec.authentication.provider"], all.Order(StringComparer.Ordinal));
        var decision = TestEngine.Check(Users.User(type: "federated", auth: "    provider: google\n    federatedUserid: \"1234\""), bundle: bundle);
        decision.One(RuleIds.UserAuthentication).At("spec.authentication.federatedUsername", 7, 3);
        TestEngine.Check(Users.User(type: "federated", auth: "    provider: openshift\n    federatedUserid: \"1234\"\n    federatedUsername: dev"), bundle: bundle).None(RuleIds.UserAuthentication);
    }

    [Theory]
    [InlineData("0.31")]
    [InlineData("0.33")]
    public void Federated_from_0_31_is_not_supported(string release)
    {
        var finding = TestEngine.Check(Users.User(type: "federated", auth: "    provider: openshift\n    federatedUserid: \"1234\"\n    federatedUsername: dev"), bundle: TestEngine.Release(release)).One(RuleIds.UserAuthentication);
        finding.At("spec.authentication.type", 8, 11);
        Assert.Contains($"EnMasse {release} does not support authentication type federated", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_present_value_of_the_wrong_type_is_reported_once_by_the_schema()
    {
        var decision = TestEngine.Check(Users.User(type: "federated", auth: "    provider: openshift\n    federatedUserid: 1234\n    federatedUsername: dev"), bundle: TestEngine.Release("0.30"));
        decision.One(RuleIds.SchemaType).At("spec.authentication.federatedUserid", 10, 22);
        decision.None(RuleIds.UserAuthentication);
    }

    [Fact]
    public void A_serviceaccount_user_needs_the_serviceaccount_username_form()
    {
        var finding = TestEngine.Check(Users.User(type: "serviceaccount", auth: string.Empty, username: "app")).One(RuleIds.UserAuthentication);
        finding.At("spec.username", 6, 13);
        Assert.Contains("system:serviceaccount:<namespace>:<name>", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_password_and_serviceaccount_users_pass()
    {
        TestEngine.Check(Users.User()).None(RuleIds.UserAuthentication);
        TestEngine.Check(Users.User(type: "serviceaccount", auth: string.Empty, username: "system:serviceaccount:team1:app")).None(RuleIds.UserAuthentication);
    }
}

public sealed class UserServiceAccountNamespaceRuleTests
{
    private static string ServiceAccountUser(string accountNamespace) =>
        Users.User(type: "serviceaccount", auth: string.Empty, username: $"system:serviceaccount:{accountNamespace}:app");

    [Fact]
    public void A_service_account_of_another_namespace_is_denied()
    {
        var decision = TestEngine.Check(ServiceAccountUser("team2"));
        var finding = decision.One(RuleIds.UserServiceAccountNamespace);
        finding.At("spec.username", 6, 13);
        Assert.Contains("belongs to namespace \"team2\", not \"team1\"", finding.Message, StringComparison.Ordinal);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void A_service_account_of_the_same_namespace_passes() =>
        TestEngine.Check(ServiceAccountUser("team1")).None(RuleIds.UserServiceAccountNamespace);

    [Fact]
    public void The_policy_can_grant_a_source_namespace()
    {
        var policy = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              serviceAccountUsers:
                allowFrom:
                  - { namespace: team1, serviceAccountNamespaces: [shared-tools] }
            """);
        TestEngine.Check(ServiceAccountUser("shared-tools"), bundle: policy).None(RuleIds.UserServiceAccountNamespace);
        TestEngine.Check(ServiceAccountUser("team2"), bundle: policy).One(RuleIds.UserServiceAccountNamespace);
    }
}

public sealed class UserAuthorizationRuleTests
{
    [Fact]
    public void An_unknown_operation_is_denied_at_the_operation()
    {
        var finding = TestEngine.Check(Users.User(extra: "  authorization:\n    - { addresses: [queue1], operations: [sned] }")).One(RuleIds.UserAuthorization);
        finding.At("spec.authorization[0].operations[0]", 11, 43);
        Assert.Contains("did you mean \"send\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_operations_is_denied()
    {
        TestEngine.Check(Users.User(extra: "  authorization:\n    - addresses: [queue1]")).One(RuleIds.UserAuthorization).At("spec.authorization[0].operations", 11, 7);
    }

    [Fact]
    public void An_entry_with_no_addresses_is_denied()
    {
        TestEngine.Check(Users.User(extra: "  authorization:\n    - { addresses: [], operations: [send] }")).One(RuleIds.UserAuthorization);
    }

    [Theory]
    [InlineData("\"*queue\"")]
    [InlineData("\"a*b\"")]
    [InlineData("\"\"")]
    public void A_misplaced_wildcard_or_empty_pattern_is_denied(string pattern) =>
        TestEngine.Check(Users.User(extra: $"  authorization:\n    - {{ addresses: [{pattern}], operations: [send] }}")).One(RuleIds.UserAuthorization);

    [Fact]
    public void A_trailing_wildcard_and_all_operations_pass() =>
        TestEngine.Check(Users.User(extra: "  authorization:\n    - { addresses: [\"*\", \"orders*\"], operations: [send, recv, view, manage] }")).None(RuleIds.UserAuthorization);
}

public sealed class UserAuthorizationAddressRuleTests
{
    [Fact]
    public void A_pattern_matching_no_known_address_is_a_warning()
    {
        var decision = TestEngine.Check(Users.User(extra: "  authorization:\n    - { addresses: [queue2], operations: [send] }"));
        var finding = decision.One(RuleIds.UserAuthorizationAddress);
        Assert.Equal(Severity.Warning, finding.Severity);
        finding.At("spec.authorization[0].addresses[0]", 11, 21);
        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Exact_and_prefix_patterns_matching_known_addresses_pass() =>
        TestEngine.Check(Users.User()).None(RuleIds.UserAuthorizationAddress);

    [Fact]
    public void The_policy_can_make_it_an_error_in_ci_only()
    {
        var policy = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              rules:
                user.authorization-address: { admission: warning, ci: error }
            """);
        var yaml = Users.User(extra: "  authorization:\n    - { addresses: [queue2], operations: [send] }");
        Assert.False(TestEngine.Check(yaml, EnforcementPoint.Ci, policy).Allowed);
        Assert.True(TestEngine.Check(yaml, EnforcementPoint.Admission, policy).Allowed);
    }
}

public sealed class UserImmutableRuleTests
{
    [Fact]
    public void Changing_the_username_is_denied()
    {
        var finding = TestEngine.Update(Users.User(), Users.User(username: "user2")).One(RuleIds.UserImmutable);
        finding.At("spec.username", 6, 13);
    }

    [Fact]
    public void Changing_the_authentication_type_is_denied()
    {
        var decision = TestEngine.Update(Users.User(), Users.User(type: "federated", auth: "    provider: google"));
        decision.One(RuleIds.UserImmutable).At("spec.authentication.type", 8, 11);
    }

    [Fact]
    public void Changing_the_authorization_passes()
    {
        var decision = TestEngine.Update(Users.User(), Users.User(extra: "  authorization:\n    - { addresses: [queue1], operations: [recv] }"));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }
}

using EnMasse.Policy.Engine;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Engine;

public sealed class TrustedRequesterTests
{
    private static readonly string Denied = Addresses.Address(name: "myspace.q7", address: "q7", plan: "standard-huge-queue");

    private static Decision As(Requester? requester, string yaml, PolicyBundle? bundle = null)
    {
        bundle ??= TestEngine.Shipped;
        var request = new EvaluationRequest(TestEngine.Single(yaml).Root, Operation.Create, null, TestEngine.Namespace, EnforcementPoint.Admission) { Requester = requester };
        return new PolicyEngine(bundle).Evaluate(request, TestEngine.Catalog(bundle, World.Team1));
    }

    private static Requester ServiceAccount(string ns, string name) =>
        new($"system:serviceaccount:{ns}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"]);

    [Theory]
    [InlineData("address-space-controller")]
    [InlineData("address-space-admin")]
    [InlineData("enmasse-operator")]
    public void The_shipped_policy_never_denies_enmasse_s_own_service_accounts(string name)
    {
        var decision = As(ServiceAccount("enmasse-infra", name), Denied);
        Assert.True(decision.Allowed);
        var finding = decision.One(RuleIds.AddressPlan);
        Assert.Equal((Severity.Warning, Waiver.TrustedRequester), (finding.Severity, finding.Waiver));
        Assert.StartsWith("not enforced for a trusted requester: address plan \"standard-huge-queue\"", finding.Message, StringComparison.Ordinal);
        Assert.Equal("serviceAccounts \"system:serviceaccount:enmasse-infra:*\"", decision.TrustedBy);
    }

    [Theory]
    [InlineData("system:serviceaccount:team1:deployer")]
    [InlineData("system:serviceaccount:enmasse-infra-evil:address-space-controller")]
    [InlineData("system:serviceaccount:enmasse-infra:a:b")]
    [InlineData("enmasse-infra")]
    [InlineData("system:serviceaccount:enmasse-infra")]
    public void Anyone_else_is_judged(string username)
    {
        var decision = As(new Requester(username, ["system:authenticated", "system:serviceaccounts:enmasse-infra-evil"]), Denied);
        Assert.False(decision.Allowed);
        Assert.Null(decision.TrustedBy);
        Assert.Null(decision.One(RuleIds.AddressPlan).Waiver);
    }

    [Fact]
    public void Offline_there_is_no_requester_and_nothing_is_waived() =>
        Assert.False(As(null, Denied).Allowed);

    [Fact]
    public void Users_and_groups_match_exactly()
    {
        var bundle = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              trustedRequesters:
                users: [platform-admin]
                groups: [enmasse-operators]
            """);
        Assert.True(As(new Requester("platform-admin", []), Denied, bundle).Allowed);
        Assert.Equal("groups \"enmasse-operators\"", As(new Requester("jane", ["developers", "enmasse-operators"]), Denied, bundle).TrustedBy);
        Assert.False(As(new Requester("platform-admin2", ["enmasse-operators-2"]), Denied, bundle).Allowed);
        Assert.False(As(ServiceAccount("enmasse-infra", "address-space-controller"), Denied, bundle).Allowed);
    }

    [Fact]
    public void Warnings_stay_warnings_and_an_allowed_object_records_no_trust()
    {
        var decision = As(ServiceAccount("enmasse-infra", "enmasse-operator"), Users.User(extra: "  authorization: [ { addresses: [nothing*], operations: [send] } ]\n"));
        Assert.True(decision.Allowed);
        Assert.Null(decision.TrustedBy);
        Assert.Null(decision.One(RuleIds.UserAuthorizationAddress).Waiver);
    }

    [Theory]
    [InlineData("system:serviceaccount:enmasse-infra:*", "system:serviceaccount:enmasse-infra:x", true)]
    [InlineData("system:serviceaccount:enmasse-infra:*", "system:serviceaccount:enmasse-infra:", true)]
    [InlineData("system:serviceaccount:enmasse-infra:address-space-*", "system:serviceaccount:enmasse-infra:address-space-admin", true)]
    [InlineData("system:serviceaccount:enmasse-infra:address-space-*", "system:serviceaccount:enmasse-infra:enmasse-operator", false)]
    [InlineData("system:serviceaccount:enmasse-infra:enmasse-operator", "system:serviceaccount:enmasse-infra:enmasse-operator", true)]
    [InlineData("system:serviceaccount:enmasse-infra:enmasse-operator", "system:serviceaccount:enmasse-infra:enmasse-operator2", false)]
    [InlineData("system:serviceaccount:enmasse-infra:*", "system:serviceaccount:enmasse-infra:x:y", false)]
    public void A_service_account_glob_only_ends_the_name(string pattern, string username, bool matches) =>
        Assert.Equal(matches, TrustedRequesters.ServiceAccountMatches(pattern, username));
}

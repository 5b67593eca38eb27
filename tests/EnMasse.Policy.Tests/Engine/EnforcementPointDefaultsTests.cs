using EnMasse.Policy.Rules;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Engine;

/// <summary>Checks that need an object which may come later in the same apply warn at admission and deny in CI.</summary>
public sealed class EnforcementPointDefaultsTests
{
    // address.plan-allowed is a warning at both points: a platform narrowing EnMasse does not make (docs/rules/address.plan-allowed.md).
    private static readonly string[] OrderTolerant = [RuleIds.AddressSpaceRef, RuleIds.UserSpace, RuleIds.AddressTopic];

    [Fact]
    public void Exactly_the_order_tolerant_rules_default_to_warning_at_admission_and_error_in_ci()
    {
        Assert.Equal(OrderTolerant.Order(StringComparer.Ordinal), RuleRegistry.All.Where(r => r.AdmissionSeverity != r.DefaultSeverity).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(OrderTolerant, id => Assert.Equal((Severity.Warning, Severity.Error), (RuleRegistry.Find(id)!.DefaultAt(EnforcementPoint.Admission), RuleRegistry.Find(id)!.DefaultAt(EnforcementPoint.Ci))));
    }

    [Theory]
    [InlineData(EnforcementPoint.Admission, true)]
    [InlineData(EnforcementPoint.Ci, false)]
    public void An_address_of_a_missing_space_is_judged_by_where_it_is_enforced(EnforcementPoint point, bool allowed)
    {
        var decision = TestEngine.Check(Addresses.Address(name: "later.q9"), point);
        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? Severity.Warning : Severity.Error, decision.One(RuleIds.AddressSpaceRef).Severity);
    }

    [Fact]
    public void A_subscription_before_its_topic_and_a_user_before_its_space_warn_at_admission()
    {
        var subscription = TestEngine.Check(Addresses.Address(name: "myspace.s1", type: "subscription", plan: "standard-small-subscription", extra: "  topic: later\n"), EnforcementPoint.Admission);
        Assert.True(subscription.Allowed, TestEngine.Describe(subscription));
        Assert.Equal(Severity.Warning, subscription.One(RuleIds.AddressTopic).Severity);

        var user = TestEngine.Check(Users.User(name: "later.user1"), EnforcementPoint.Admission);
        Assert.True(user.Allowed, TestEngine.Describe(user));
        Assert.Equal(Severity.Warning, user.One(RuleIds.UserSpace).Severity);
    }

    [Fact]
    public void The_policy_can_still_make_them_deny_at_admission()
    {
        var strict = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              rules:
                address.space: { admission: error }
            """);
        var decision = TestEngine.Check(Addresses.Address(name: "later.q9"), EnforcementPoint.Admission, strict);
        Assert.False(decision.Allowed);
    }
}

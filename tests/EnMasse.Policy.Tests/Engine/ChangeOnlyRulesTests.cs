using EnMasse.Policy.Rules;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Engine;

/// <summary>
/// The engine does not judge the stored version of a denied UPDATE when every error comes from a
/// rule about the change itself (<see cref="IRule.JudgesChangeOnly"/>): ratcheting judges the
/// stored version as a CREATE, where such a rule never reports, so it could waive nothing. These
/// cases keep the flag honest: each flagged rule fires on an UPDATE and stays silent on a CREATE
/// of the same object.
/// </summary>
public sealed class ChangeOnlyRulesTests
{
    public static TheoryData<string, string, string> Changes => new()
    {
        { RuleIds.CapacityPlanChange, Spaces.Space(name: "bigspace", plan: "standard-medium"), Spaces.Space(name: "bigspace", plan: "standard-small") },
        { RuleIds.AddressSpaceImmutable, Spaces.Space(name: "space3"), Spaces.Space(name: "space3", type: "brokered", plan: "brokered-single-broker") },
        { RuleIds.AddressImmutable, Addresses.Address(name: "myspace.q9", address: "q9"), Addresses.Address(name: "myspace.q9", address: "q10") },
        { RuleIds.UserImmutable, Users.User(username: "user1"), Users.User(username: "user2") },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_flagged_rule_fires_on_update_and_never_on_create(string rule, string stored, string updated)
    {
        var decision = TestEngine.Update(stored, updated);
        Assert.Contains(decision.Findings, f => f.Rule == rule && f.Denies);
        Assert.False(decision.Allowed);
        TestEngine.Check(updated).None(rule);
        TestEngine.Check(stored).None(rule);
    }

    [Fact]
    public void Every_flagged_rule_has_a_case()
    {
        var flagged = RuleRegistry.All.Where(r => r.JudgesChangeOnly).Select(r => r.Id).Order(StringComparer.Ordinal);
        var covered = Changes.Select(c => (string)c[0]).Order(StringComparer.Ordinal);
        Assert.Equal(covered, flagged);
    }
}

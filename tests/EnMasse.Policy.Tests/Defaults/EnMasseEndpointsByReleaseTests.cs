using EnMasse.Policy.Documents;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Defaults;

/// <summary>EnMasse's own default endpoints per release (ground truth §9): console up to 0.30, mqtt for a with-mqtt infra config up to 0.31, never from 0.32.</summary>
public sealed class EnMasseEndpointsByReleaseTests
{
    private static IReadOnlyList<string> Defaulted(string release, string type = "standard", string plan = "standard-small")
    {
        var decision = TestEngine.Check(Spaces.Space(type: type, plan: plan), bundle: TestEngine.Release(release));
        var endpoints = Assert.Single(decision.Patch, p => p.DefaultId == RuleIds.DefaultEndpoints).Value;
        return [.. ((SequenceNode)endpoints).Items.Cast<MappingNode>().Select(e => ((ScalarNode)e.Get("name")!).Value)];
    }

    [Theory]
    [InlineData("0.26", new[] { "messaging", "messaging-wss", "console" })]
    [InlineData("0.30", new[] { "messaging", "messaging-wss", "console" })]
    [InlineData("0.31", new[] { "messaging", "messaging-wss" })]
    [InlineData("0.33", new[] { "messaging", "messaging-wss" })]
    public void Console_is_a_default_up_to_0_30(string release, string[] expected) =>
        Assert.Equal(expected, Defaulted(release));

    [Theory]
    [InlineData("0.30", new[] { "messaging", "messaging-wss", "mqtt", "console" })]
    [InlineData("0.31", new[] { "messaging", "messaging-wss", "mqtt" })]
    [InlineData("0.32", new[] { "messaging", "messaging-wss" })]
    public void Mqtt_comes_with_a_with_mqtt_infra_config_up_to_0_31(string release, string[] expected) =>
        Assert.Equal(expected, Defaulted(release, plan: "standard-unlimited-with-mqtt"));

    [Fact]
    public void A_brokered_space_never_gets_mqtt() =>
        Assert.Equal(["messaging", "messaging-wss", "console"], Defaulted("0.30", type: "brokered", plan: "brokered-single-broker"));

    [Fact]
    public void The_defaults_enmasse_adds_pass_the_rules()
    {
        var decision = TestEngine.Check(Spaces.Space(plan: "standard-unlimited-with-mqtt"), bundle: TestEngine.Release("0.30"));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
        Assert.Empty(decision.Findings);
    }
}

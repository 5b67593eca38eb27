using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Rules;

/// <summary>addressspace.connector and address.forwarder after EnMasse's validators (ground truth §12).</summary>
public sealed class AddressSpaceConnectorRuleTests
{
    private static string Connector(string body) => Spaces.Space(extra: "  connectors:\n    - " + body);

    [Fact]
    public void A_connector_as_documented_passes() =>
        Assert.Empty(TestEngine.Check(Connector("{ name: remote1, endpointHosts: [ { host: messaging.example.com, port: 5672 } ], addresses: [ { name: p1, pattern: \"prices/*\" }, { name: p2, pattern: \"clients/*/1\" }, { name: p3, pattern: \"a/#\" } ] }")).Findings);

    [Fact]
    public void A_name_the_unanchored_crd_pattern_takes_but_enmasse_refuses_is_denied()
    {
        var finding = TestEngine.Check(Connector("{ name: remote-1, endpointHosts: [ { host: a.example } ] }")).One(RuleIds.AddressSpaceConnector);
        finding.At("spec.connectors[0].name", 9, 15);
        Assert.Contains("only letters and digits", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ name: p_1, pattern: prices }")]
    [InlineData("{ name: p1, pattern: \"prices/\" }")]
    [InlineData("{ name: p1, pattern: \"pri*ces\" }")]
    [InlineData("{ name: p1, pattern: \"/prices\" }")]
    public void Address_rules_follow_enmasse_s_name_and_pattern(string rule) =>
        TestEngine.Check(Connector($"{{ name: remote1, endpointHosts: [ {{ host: a.example }} ], addresses: [ {rule} ] }}")).One(RuleIds.AddressSpaceConnector);
}

public sealed class AddressForwarderRuleTests
{
    private const string WithConnector = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: bridge, namespace: team1 }
        spec:
          type: standard
          plan: standard-small
          connectors: [ { name: remote1, endpointHosts: [ { host: a.example } ] } ]
        """;

    private static string World => EnMasse.Testing.World.Team1 + "\n---\n" + WithConnector;

    private static string Forwarder(string name = "bridge.q9", string type = "queue", string plan = "standard-small-queue", string forwarder = "{ name: f1, remoteAddress: remote1/q9, direction: out }") =>
        Addresses.Address(name: name, type: type, plan: plan, extra: $"  forwarders: [ {forwarder} ]");

    [Fact]
    public void A_forwarder_out_of_a_queue_to_a_connector_passes() =>
        TestEngine.Check(Forwarder(), world: World).None(RuleIds.AddressForwarder);

    [Fact]
    public void Enmasse_only_checks_that_the_remote_address_starts_with_a_connector_name() =>
        TestEngine.Check(Forwarder(forwarder: "{ name: f1, remoteAddress: remote1q9, direction: out }"), world: World).None(RuleIds.AddressForwarder);

    [Fact]
    public void A_remote_address_of_no_connector_is_denied() =>
        Assert.Contains("does not start with a connector of address space \"bridge\" (remote1)", TestEngine.Check(Forwarder(forwarder: "{ name: f1, remoteAddress: other/q9, direction: out }"), world: World).One(RuleIds.AddressForwarder).Message, StringComparison.Ordinal);

    [Fact]
    public void A_space_without_connectors_is_denied() =>
        Assert.Contains("has no connectors", TestEngine.Check(Forwarder(name: "myspace.q9"), world: World).One(RuleIds.AddressForwarder).Message, StringComparison.Ordinal);

    [Fact]
    public void Only_queues_and_subscriptions_forward() =>
        Assert.Contains("only be created for address types queue and subscription, not anycast", TestEngine.Check(Forwarder(type: "anycast", plan: "standard-small-anycast"), world: World).One(RuleIds.AddressForwarder).Message, StringComparison.Ordinal);

    [Fact]
    public void A_subscription_forwards_out_only()
    {
        var subscription = Addresses.Address(name: "bridge.s1", address: "s1", type: "subscription", plan: "standard-small-subscription", extra: "  topic: t\n  forwarders: [ { name: f1, remoteAddress: remote1/s1, direction: in } ]");
        Assert.Contains("direction in is not allowed on a subscription", TestEngine.Check(subscription, world: World).One(RuleIds.AddressForwarder).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brokered_space_has_no_forwarders() =>
        Assert.Contains("forwarders work only in standard address spaces", TestEngine.Check(Forwarder(name: "bspace.q9", plan: "brokered-queue"), world: World).One(RuleIds.AddressForwarder).Message, StringComparison.Ordinal);

    [Fact]
    public void A_forwarder_name_is_letters_and_digits() =>
        TestEngine.Check(Forwarder(forwarder: "{ name: f-1, remoteAddress: remote1/q9, direction: out }"), world: World).One(RuleIds.AddressForwarder).At("spec.forwarders[0].name", 9, 25);

    [Fact]
    public void An_empty_list_is_no_forwarder() =>
        TestEngine.Check(Addresses.Address(extra: "  forwarders: []"), world: World).None(RuleIds.AddressForwarder);
}

using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Rules;

/// <summary>Address and AddressSpace checks that EnMasse makes only in some releases, or never (ground truth §6, §9, §10).</summary>
public sealed class AddressReleaseRulesTests
{
    [Fact]
    public void A_topic_on_a_queue_is_only_a_warning_as_enmasse_ignores_it()
    {
        var decision = TestEngine.Check(Addresses.Address(extra: "  topic: topic1"));
        var finding = decision.One(RuleIds.AddressTopic);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("EnMasse ignores it on a queue", finding.Message, StringComparison.Ordinal);
        Assert.True(decision.Allowed);
    }

    [Theory]
    [InlineData("0.30", true)]
    [InlineData("0.31", false)]
    public void The_topic_of_a_subscription_is_immutable_up_to_0_30(string release, bool refused)
    {
        static string Subscription(string topic) => Addresses.Address(name: "myspace.s1", address: "s1", type: "subscription", plan: "standard-small-subscription", extra: "  topic: " + topic);
        var decision = TestEngine.Run(Subscription("topic1"), Operation.Update, TestEngine.Single(Subscription("orders")).Root, EnforcementPoint.Ci, TestEngine.Release(release), World.Team1);
        if (refused)
        {
            Assert.Contains("(EnMasse 0.30 refuses it: Cannot change topic of address)", decision.One(RuleIds.AddressImmutable).Message, StringComparison.Ordinal);
        }
        else
        {
            decision.None(RuleIds.AddressImmutable);
        }
    }

    [Fact]
    public void A_cert_without_provider_gets_enmasse_s_default_and_passes() =>
        TestEngine.Check(Spaces.Space(extra: "  endpoints: [ { name: m, service: messaging, cert: { secretName: x } } ]")).None(RuleIds.AddressSpaceCert);

    [Theory]
    [InlineData("ZXhhbXBsZQ", true)]
    [InlineData("ZXhh\\nbXBsZQ==", false)]
    public void Cert_bundles_are_base64_as_java_reads_them(string key, bool passes)
    {
        var decision = TestEngine.Check(Spaces.Space(extra: $"  endpoints: [ {{ name: m, service: messaging, cert: {{ provider: certBundle, tlsCert: ZXhhbXBsZQ==, tlsKey: \"{key}\" }} }} ]"));
        Assert.Equal(passes, decision.Findings.All(f => f.Rule != RuleIds.AddressSpaceCert));
    }

    [Theory]
    [InlineData("0.32", true)]
    [InlineData("0.33", false)]
    public void From_0_33_a_route_needs_its_service_port(string release, bool passes)
    {
        var space = Spaces.Space(extra: "  endpoints: [ { name: m, service: messaging, expose: { type: route, routeTlsTermination: passthrough } } ]");
        var policy = TestEngine.Release(release);
        var bundle = policy with { Policy = policy.Policy with { Platform = EnMasse.Policy.Policies.Platform.OpenShift } };
        var decision = TestEngine.Check(space, bundle: bundle);
        Assert.Equal(passes, decision.Findings.All(f => f.Rule != RuleIds.AddressSpaceEndpoint));
    }
}

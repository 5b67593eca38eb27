using EnMasse.Policy.Schema;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Schema;

/// <summary>Field sets follow the release (ground truth §14 and the releases' CRDs): a field of another release is unknown, one of this release is not.</summary>
public sealed class VersionedSchemaTests
{
    public static TheoryData<string, string> Kinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in KindSchemas.Kinds)
        {
            foreach (var release in EnMasseVersion.Names)
            {
                data.Add(kind, release);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_compiles_for_every_release(string kind, string release)
    {
        Assert.True(EnMasseVersion.TryParse(release, out var version));
        Assert.NotNull(KindSchemas.For(kind, version));
        Assert.Contains($"Field set of EnMasse {release}.", KindSchemas.JsonFor(kind, version), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.26", false)]
    [InlineData("0.27", false)]
    [InlineData("0.28", true)]
    [InlineData("0.31", true)]
    public void Authentication_service_details_belongs_to_0_26_and_0_27(string release, bool unknown)
    {
        var decision = TestEngine.Check(Spaces.Space(extra: "  authenticationService: { type: standard, details: {} }"), bundle: TestEngine.Release(release));
        if (unknown)
        {
            var finding = decision.One(RuleIds.SchemaUnknownField);
            Assert.Equal("spec.authenticationService.details", finding.Path);
            Assert.StartsWith($"field \"spec.authenticationService.details\" is not defined for AddressSpace in EnMasse {release}: EnMasse stores it and ignores it", finding.Message, StringComparison.Ordinal);
        }
        else
        {
            decision.None(RuleIds.SchemaUnknownField);
        }
    }

    [Theory]
    [InlineData("0.31", true)]
    [InlineData("0.32", false)]
    [InlineData("0.33", false)]
    public void Connector_role_idle_timeout_and_frame_size_came_with_0_32(string release, bool unknown)
    {
        const string Connector = "  connectors:\n    - { name: remote1, endpointHosts: [ { host: a.example } ], role: normal, idleTimeout: 16000, maxFrameSize: 65536 }";
        var found = TestEngine.Check(Spaces.Space(extra: Connector), bundle: TestEngine.Release(release)).Findings.Where(f => f.Rule == RuleIds.SchemaUnknownField).Select(f => f.Path);
        Assert.Equal(unknown ? ["spec.connectors[0].idleTimeout", "spec.connectors[0].maxFrameSize", "spec.connectors[0].role"] : [], found.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0.29", true)]
    [InlineData("0.30", false)]
    public void Connectors_and_forwarders_came_with_0_30(string release, bool unknown)
    {
        var bundle = TestEngine.Release(release);
        var space = TestEngine.Check(Spaces.Space(extra: "  connectors:\n    - { name: remote1, endpointHosts: [ { host: a.example } ] }"), bundle: bundle);
        var address = TestEngine.Check(Addresses.Address(extra: "  forwarders: []"), bundle: bundle);
        Assert.Equal(unknown, space.Findings.Any(f => f.Rule == RuleIds.SchemaUnknownField && f.Path == "spec.connectors"));
        Assert.Equal(unknown, address.Findings.Any(f => f.Rule == RuleIds.SchemaUnknownField && f.Path == "spec.forwarders"));
    }

    [Theory]
    [InlineData("0.31", "  messageTtl: { minimum: 1000, maximum: 60000 }", true)]
    [InlineData("0.32", "  messageTtl: { minimum: 1000, maximum: 60000 }", false)]
    [InlineData("0.32", "  deadletter: dlq\n  expiry: exp", true)]
    [InlineData("0.33", "  deadletter: dlq\n  expiry: exp", false)]
    [InlineData("0.32", "  messageRedelivery: { maximumDeliveryAttempts: 3, redeliveryDelay: 100, redeliveryDelayMultiplier: 1.5, maximumDeliveryDelay: 1000 }", true)]
    [InlineData("0.33", "  messageRedelivery: { maximumDeliveryAttempts: 3, redeliveryDelay: 100, redeliveryDelayMultiplier: 1.5, maximumDeliveryDelay: 1000 }", false)]
    public void Address_fields_of_0_32_and_0_33(string release, string extra, bool unknown) =>
        Assert.Equal(unknown, TestEngine.Check(Addresses.Address(extra: extra), bundle: TestEngine.Release(release)).Findings.Any(f => f.Rule == RuleIds.SchemaUnknownField));

    [Fact]
    public void A_typo_inside_a_field_of_0_33_is_still_caught()
    {
        var finding = TestEngine.Check(Addresses.Address(extra: "  messageTtl: { minimim: 1000 }"), bundle: TestEngine.Release("0.33")).One(RuleIds.SchemaUnknownField);
        Assert.Equal("spec.messageTtl.minimim", finding.Path);
        Assert.Contains("did you mean \"minimum\"?", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.32", true)]
    [InlineData("0.33", false)]
    public void Forwarder_priority_came_with_0_33(string release, bool unknown) =>
        Assert.Equal(unknown, TestEngine.Check(Addresses.Address(extra: "  forwarders: [ { name: f1, remoteAddress: remote1/q9, direction: out, priority: 5 } ]"), bundle: TestEngine.Release(release))
            .Findings.Any(f => f.Rule == RuleIds.SchemaUnknownField && f.Path == "spec.forwarders[0].priority"));

    [Theory]
    [InlineData("0.30", false)]
    [InlineData("0.31", true)]
    public void Metadata_address_space_is_enmasse_s_rest_model_up_to_0_30(string release, bool reported)
    {
        var decision = TestEngine.Check(Addresses.Address().Replace("metadata:\n", "metadata:\n  addressSpace: myspace\n", StringComparison.Ordinal), bundle: TestEngine.Release(release));
        if (!reported)
        {
            Assert.Empty(decision.Findings);
            return;
        }

        var finding = decision.One(RuleIds.MetadataUnknownField);
        finding.At("metadata.addressSpace", 4, 3);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("field \"metadata.addressSpace\" is not a Kubernetes metadata field; the API server drops it", finding.Message);
        Assert.True(decision.Allowed);
    }

    [Fact]
    public void A_metadata_typo_is_a_warning_with_the_nearest_field()
    {
        var finding = TestEngine.Check(Spaces.Space().Replace("metadata:\n", "metadata:\n  lables: { team: a }\n", StringComparison.Ordinal)).One(RuleIds.MetadataUnknownField);
        Assert.Contains("did you mean \"labels\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_fields_of_an_exported_object_are_metadata()
    {
        const string Meta = "metadata:\n  uid: 6d0bd5c7\n  resourceVersion: \"492543\"\n  generation: 2\n  creationTimestamp: \"2019-01-11T09:15:23Z\"\n  selfLink: /apis/x\n  finalizers: [enmasse.io/address-space]\n  deletionGracePeriodSeconds: 30\n";
        TestEngine.Check(Spaces.Space().Replace("metadata:\n", Meta, StringComparison.Ordinal)).None(RuleIds.MetadataUnknownField);
    }

    [Fact]
    public void Legacy_spec_address_space_is_a_field_and_must_match_the_prefix()
    {
        TestEngine.Check(Addresses.Address(extra: "  addressSpace: myspace")).None(RuleIds.SchemaUnknownField);
        TestEngine.Check(Addresses.Address(extra: "  addressSpace: myspace")).None(RuleIds.AddressName);
        var finding = TestEngine.Check(Addresses.Address(extra: "  addressSpace: other")).One(RuleIds.AddressName);
        finding.At("spec.addressSpace", 9, 17);
        Assert.Contains("Address space component of address name does not match address space", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.32", false)]
    [InlineData("0.33", true)]
    public void Deadletter_addresses_came_with_0_33(string release, bool allowed)
    {
        var decision = TestEngine.Check(Addresses.Address(name: "myspace.dlq", address: "dlq", type: "deadletter", plan: "standard-small-queue"), bundle: TestEngine.Release(release));
        Assert.Equal(!allowed, decision.Findings.Any(f => f.Rule == RuleIds.AddressType));
    }
}

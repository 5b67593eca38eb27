using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Tests.Schema;

public sealed class SchemaUnknownFieldTests
{
    [Fact]
    public void A_typo_in_spec_plan_is_reported_at_the_key_with_the_nearest_field()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata:
              name: space2
            spec:
              type: standard
              plna: standard-small
            """);
        var finding = decision.One(RuleIds.SchemaUnknownField);
        finding.At("spec.plna", 7, 3);
        Assert.Equal(Severity.Error, finding.Severity);
        // v1beta1 CRDs store unknown fields and EnMasse ignores them; nothing drops them.
        Assert.Equal("field \"spec.plna\" is not defined for AddressSpace in EnMasse 0.31: EnMasse stores it and ignores it; did you mean \"plan\"?", finding.Message);
        Assert.False(decision.Allowed);

        // One typo, one finding: the misspelt plan is not also reported as a missing one.
        decision.None(RuleIds.SchemaRequired);
    }

    [Fact]
    public void The_documentation_export_key_is_a_typo_of_exports()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata: { name: space2 }
            spec:
              type: standard
              plan: standard-small
              endpoints:
                - name: messaging
                  service: messaging
                  export:
                    - { kind: ConfigMap, name: myconfig }
            """);
        var finding = decision.One(RuleIds.SchemaUnknownField);
        finding.At("spec.endpoints[0].export", 10, 7);
        Assert.Contains("did you mean \"exports\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_top_level_fields_are_reported_and_metadata_is_open()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.q9, addressSpace: myspace }
            sepc: {}
            spec: { address: q9, type: queue, plan: standard-small-queue }
            """);
        decision.One(RuleIds.SchemaUnknownField).At("sepc", 4, 1);
    }

    [Fact]
    public void A_known_object_has_no_schema_findings()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.q9 }
            spec: { address: q9, type: queue, plan: standard-small-queue }
            """);
        Assert.Empty(decision.Findings);
        Assert.True(decision.Allowed);
    }
}

public sealed class SchemaTypeTests
{
    [Fact]
    public void A_number_where_a_string_is_wanted_is_reported_at_the_value()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.q9 }
            spec:
              address: q9
              type: queue
              plan: 42
            """);
        var finding = decision.One(RuleIds.SchemaType);
        finding.At("spec.plan", 7, 9);
        Assert.Contains("must be a string", finding.Message, StringComparison.Ordinal);
        Assert.Contains("quote", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yes_reads_as_a_boolean_and_the_message_says_so()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.q9 }
            spec: { address: yes, type: queue, plan: standard-small-queue }
            """);
        var finding = decision.One(RuleIds.SchemaType);
        finding.At("spec.address", 4, 18);
        Assert.Contains("yes/no", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_where_a_list_is_wanted_is_reported()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata: { name: space2 }
            spec:
              type: standard
              plan: standard-small
              endpoints:
                name: messaging
            """);
        decision.One(RuleIds.SchemaType).At("spec.endpoints", 8, 5);
    }

    [Fact]
    public void A_wrong_type_is_not_reported_twice_by_the_rules()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata: { name: space2 }
            spec: { type: standard, plan: [standard-small] }
            """);
        decision.One(RuleIds.SchemaType);
        decision.None(RuleIds.AddressSpacePlan);
    }

    [Fact]
    public void An_integer_is_accepted_where_an_integer_is_wanted()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.sub1 }
            spec: { address: sub1, type: subscription, plan: standard-small-subscription, topic: topic1, subscription: { maxConsumers: 3 } }
            """);
        Assert.Empty(decision.Findings);
    }
}

public sealed class SchemaRequiredTests
{
    [Fact]
    public void A_missing_plan_is_reported_at_the_enclosing_key()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata:
              name: space2
            spec:
              type: standard
            """);
        var finding = decision.One(RuleIds.SchemaRequired);
        finding.At("spec.plan", 5, 1);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void A_missing_spec_is_reported_at_the_document_start()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.q9 }
            """);
        decision.One(RuleIds.SchemaRequired).At("spec", 1, 1);
    }

    [Fact]
    public void A_null_value_counts_as_missing()
    {
        var decision = TestEngine.Check("""
            apiVersion: user.enmasse.io/v1beta1
            kind: MessagingUser
            metadata: { name: myspace.u1 }
            spec:
              username: u1
              authentication:
                type: ~
            """);
        decision.One(RuleIds.SchemaRequired).At("spec.authentication.type", 6, 3);
    }

    [Fact]
    public void Required_fields_of_an_address_are_all_reported()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.q9 }
            spec: { address: q9 }
            """);
        Assert.Equal(["spec.plan", "spec.type"], decision.Findings.Where(f => f.Rule == RuleIds.SchemaRequired).Select(f => f.Path).Order());
    }

    [Fact]
    public void Required_cannot_be_switched_off_by_the_policy()
    {
        Assert.True(EnMasse.Policy.Rules.RuleRegistry.Find(RuleIds.SchemaRequired)!.Fixed);
    }
}

public sealed class YamlDuplicateKeyTests
{
    [Fact]
    public void A_repeated_key_in_a_tenant_object_is_an_error_finding_with_resource_identity()
    {
        var decision = TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.q9 }
            spec:
              address: q9
              type: queue
              plan: standard-small-queue
              plan: standard-large-queue
            """);
        var finding = decision.One(RuleIds.YamlDuplicateKey);
        finding.At("spec.plan", 8, 3);
        Assert.Equal("Address", finding.Kind);
        Assert.Equal("myspace.q9", finding.Name);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Without_repeats_there_is_no_finding()
    {
        TestEngine.Check("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: myspace.q9 }
            spec: { address: q9, type: queue, plan: standard-small-queue }
            """).None(RuleIds.YamlDuplicateKey);
    }
}

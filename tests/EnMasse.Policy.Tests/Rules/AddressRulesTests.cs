using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Tests.Rules;

internal static class Addresses
{
    /// <summary>name at 4:9, address at 6:12, type at 7:9, plan at 8:9; extra lines from line 9.</summary>
    public static string Address(string name = "myspace.q9", string address = "q9", string type = "queue", string plan = "standard-small-queue", string extra = "") => $"""
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata:
          name: {name}
        spec:
          address: {address}
          type: {type}
          plan: {plan}
        {extra}
        """;
}

public sealed class AddressNameRuleTests
{
    [Fact]
    public void A_name_without_a_dot_is_denied_at_the_name()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "queue9")).One(RuleIds.AddressName);
        finding.At("metadata.name", 4, 9);
        Assert.Contains("<addressspace>.<name>", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("myspace.", "empty name part")]
    [InlineData(".q9", "empty address space part")]
    [InlineData("My_Space.q9", "not a valid Kubernetes object name")]
    public void Malformed_parts_are_denied(string name, string expected)
    {
        var finding = TestEngine.Check(Addresses.Address(name: name)).One(RuleIds.AddressName);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_name_with_a_space_prefix_passes_and_without_one_is_denied()
    {
        const string Template = """
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { generateName: PREFIX }
            spec: { address: q9, type: queue, plan: standard-small-queue }
            """;
        TestEngine.Check(Template.Replace("PREFIX", "myspace.q-", StringComparison.Ordinal)).None(RuleIds.AddressName);
        TestEngine.Check(Template.Replace("PREFIX", "q-", StringComparison.Ordinal)).One(RuleIds.AddressName).At("metadata.generateName", 3, 27);
    }

    [Theory]
    [InlineData("myspace.q9")]
    [InlineData("myspace.foo.control")]
    public void A_scoped_name_passes(string name) => TestEngine.Check(Addresses.Address(name: name)).None(RuleIds.AddressName);
}

public sealed class AddressSpaceRefRuleTests
{
    [Fact]
    public void An_address_of_a_space_that_does_not_exist_is_denied()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "nospace.q9")).One(RuleIds.AddressSpaceRef);
        finding.At("metadata.name", 4, 9);
        Assert.Contains("address space \"nospace\" does not exist in namespace \"team1\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_of_an_existing_space_passes() => TestEngine.Check(Addresses.Address()).None(RuleIds.AddressSpaceRef);

    [Fact]
    public void A_space_in_another_namespace_does_not_count()
    {
        var world = World.Team1.Replace("{ name: myspace, namespace: team1 }", "{ name: myspace, namespace: team2 }", StringComparison.Ordinal);
        TestEngine.Check(Addresses.Address(), world: world).One(RuleIds.AddressSpaceRef);
    }
}

public sealed class AddressAddressRuleTests
{
    [Fact]
    public void Whitespace_in_the_address_is_denied_at_the_value()
    {
        var finding = TestEngine.Check(Addresses.Address(address: "\"my queue\"")).One(RuleIds.AddressAddress);
        finding.At("spec.address", 6, 12);
    }

    [Fact]
    public void A_long_address_passes_as_enmasse_sets_no_limit() =>
        TestEngine.Check(Addresses.Address(address: new string('q', 1000))).None(RuleIds.AddressAddress);

    [Fact]
    public void An_empty_address_is_denied() => TestEngine.Check(Addresses.Address(address: "\"\"")).One(RuleIds.AddressAddress);

    [Fact]
    public void A_tab_is_whitespace_to_the_crd_pattern_and_shown_as_a_question_mark()
    {
        var finding = TestEngine.Check(Addresses.Address(address: "\"q\\t9\"")).One(RuleIds.AddressAddress);
        Assert.Contains("\"q?9\"", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"q\\u00a09\"")]
    [InlineData("\"q\\u00019\"")]
    [InlineData("\"q\\v9\"")]
    public void Characters_outside_the_crd_whitespace_class_pass(string address) =>
        TestEngine.Check(Addresses.Address(address: address)).None(RuleIds.AddressAddress);

    [Theory]
    [InlineData("0.29", false)]
    [InlineData("0.30", true)]
    [InlineData("0.33", true)]
    public void The_reserved_prefix_is_refused_from_0_30(string release, bool refused)
    {
        var decision = TestEngine.Check(Addresses.Address(address: "\"_!internal\""), bundle: TestEngine.Release(release));
        if (refused)
        {
            Assert.Contains($"EnMasse {release} reserves", decision.One(RuleIds.AddressAddress).Message, StringComparison.Ordinal);
        }
        else
        {
            decision.None(RuleIds.AddressAddress);
        }
    }

    [Fact]
    public void A_slash_separated_address_passes() => TestEngine.Check(Addresses.Address(address: "foo/bar")).None(RuleIds.AddressAddress);
}

public sealed class AddressTypeRuleTests
{
    [Fact]
    public void Anycast_in_a_brokered_space_is_denied()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "bspace.a1", type: "anycast", plan: "standard-small-anycast")).One(RuleIds.AddressType);
        finding.At("spec.type", 7, 9);
        Assert.Contains("allowed: queue, topic", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_type_is_denied_even_when_the_space_is_unknown()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "nospace.q9", type: "queu")).One(RuleIds.AddressType);
        Assert.Contains("did you mean \"queue\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queue_in_a_brokered_space_passes() =>
        TestEngine.Check(Addresses.Address(name: "bspace.q1", plan: "brokered-queue")).None(RuleIds.AddressType);
}

public sealed class AddressPlanRuleTests
{
    [Fact]
    public void An_unpublished_plan_lists_the_plans_the_space_plan_offers_for_the_type_in_display_order()
    {
        var finding = TestEngine.Check(Addresses.Address(plan: "standard-huge-queue")).One(RuleIds.AddressPlan);
        finding.At("spec.plan", 8, 9);
        Assert.Equal(
            "address plan \"standard-huge-queue\" is not published; published for queue by plan \"standard-small\": standard-small-queue, standard-medium-queue, standard-large-queue; did you mean \"standard-large-queue\"?",
            finding.Message);
    }

    [Fact]
    public void Without_a_known_space_every_published_plan_of_the_type_is_listed()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "nospace.q9", plan: "gold")).One(RuleIds.AddressPlan);
        Assert.StartsWith("address plan \"gold\" is not published; published for queue: brokered-queue, standard-small-queue", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suggestion_is_the_nearest_plan_of_the_right_type()
    {
        var finding = TestEngine.Check(Addresses.Address(type: "topic", plan: "standard-smal-topic")).One(RuleIds.AddressPlan);
        Assert.EndsWith("did you mean \"standard-small-topic\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_plan_passes() => TestEngine.Check(Addresses.Address()).None(RuleIds.AddressPlan);
}

public sealed class AddressPlanTypeRuleTests
{
    [Fact]
    public void A_topic_plan_for_a_queue_is_denied()
    {
        var finding = TestEngine.Check(Addresses.Address(plan: "standard-small-topic")).One(RuleIds.AddressPlanType);
        finding.At("spec.plan", 8, 9);
        Assert.StartsWith("address plan \"standard-small-topic\" is for topic addresses, not queue", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_of_the_same_type_passes() => TestEngine.Check(Addresses.Address()).None(RuleIds.AddressPlanType);
}

public sealed class AddressPlanAllowedRuleTests
{
    [Fact]
    public void A_plan_the_space_plan_does_not_offer_warns_as_a_platform_narrowing()
    {
        // standard-small (myspace's plan) offers no partitioned queue; standard-medium does, so EnMasse would accept it.
        var decision = TestEngine.Check(Addresses.Address(plan: "standard-small-partitioned-queue"));
        var finding = decision.One(RuleIds.AddressPlanAllowed);
        finding.At("spec.plan", 8, 9);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
        Assert.Equal(
            "address plan \"standard-small-partitioned-queue\" is not offered by plan \"standard-small\" of address space \"myspace\"; it offers for queue: standard-small-queue, standard-medium-queue, standard-large-queue. EnMasse itself would accept it, as another standard plan offers it, and charge it to this space's limits; the platform narrows plans to the space's own",
            finding.Message);
    }

    [Fact]
    public void The_policy_can_make_it_an_error()
    {
        var policy = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              rules:
                address.plan-allowed: { admission: error, ci: error }
            """);
        var decision = TestEngine.Check(Addresses.Address(plan: "standard-small-partitioned-queue"), bundle: policy);
        Assert.Equal(Severity.Error, decision.One(RuleIds.AddressPlanAllowed).Severity);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void A_plan_no_plan_of_the_space_type_offers_is_address_plan_not_plan_allowed()
    {
        // A standard plan in a brokered space: no brokered plan offers it, so EnMasse reports "Unknown address plan".
        var decision = TestEngine.Check(Addresses.Address(name: "bspace.q9", plan: "standard-small-queue"));
        decision.None(RuleIds.AddressPlanAllowed);
        var finding = decision.One(RuleIds.AddressPlan);
        Assert.StartsWith("address plan \"standard-small-queue\" is published, but no valid brokered address space plan offers it, so EnMasse 0.31 reports \"Unknown address plan\"", finding.Message, StringComparison.Ordinal);
        Assert.Contains("offered for queue in brokered address spaces: brokered-queue", finding.Message, StringComparison.Ordinal);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void An_offered_plan_passes() => TestEngine.Check(Addresses.Address(plan: "standard-large-queue")).None(RuleIds.AddressPlanAllowed);

    [Fact]
    public void The_policy_can_switch_it_off()
    {
        var policy = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              rules:
                address.plan-allowed: { admission: off, ci: off }
            """);
        var decision = TestEngine.Check(Addresses.Address(plan: "standard-small-partitioned-queue"), bundle: policy);
        decision.None(RuleIds.AddressPlanAllowed);
        Assert.True(decision.Allowed);
    }
}

public sealed class AddressTopicRuleTests
{
    [Fact]
    public void A_subscription_without_topic_is_denied_at_spec()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "myspace.sub1", address: "sub1", type: "subscription", plan: "standard-small-subscription")).One(RuleIds.AddressTopic);
        finding.At("spec.topic", 5, 1);
    }

    [Fact]
    public void A_subscription_to_a_missing_topic_is_denied_with_the_topics_there()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "myspace.sub1", address: "sub1", type: "subscription", plan: "standard-small-subscription", extra: "  topic: topc1")).One(RuleIds.AddressTopic);
        finding.At("spec.topic", 9, 10);
        Assert.Contains("topics there: topic1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscription_to_a_queue_is_denied()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "myspace.sub1", address: "sub1", type: "subscription", plan: "standard-small-subscription", extra: "  topic: queue1")).One(RuleIds.AddressTopic);
        Assert.Contains("is a queue address, not a topic", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_on_a_queue_is_denied() =>
        TestEngine.Check(Addresses.Address(extra: "  topic: topic1")).One(RuleIds.AddressTopic).At("spec.topic", 9, 10);

    [Fact]
    public void A_subscription_to_an_existing_topic_passes() =>
        TestEngine.Check(Addresses.Address(name: "myspace.sub1", address: "sub1", type: "subscription", plan: "standard-small-subscription", extra: "  topic: topic1")).None(RuleIds.AddressTopic);
}

public sealed class AddressDuplicateRuleTests
{
    [Fact]
    public void A_second_address_with_the_same_spec_address_is_denied()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "myspace.other", address: "queue1")).One(RuleIds.AddressDuplicate);
        finding.At("spec.address", 6, 12);
        Assert.Contains("already used by Address \"myspace.queue1\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_object_does_not_collide_with_itself() =>
        TestEngine.Check(Addresses.Address(name: "myspace.queue1", address: "queue1")).None(RuleIds.AddressDuplicate);

    [Fact]
    public void The_same_address_in_another_space_passes() =>
        TestEngine.Check(Addresses.Address(name: "bspace.queue1", address: "queue1", plan: "brokered-queue")).None(RuleIds.AddressDuplicate);
}

public sealed class AddressImmutableRuleTests
{
    [Fact]
    public void Changing_address_and_type_on_update_is_denied_twice()
    {
        var decision = TestEngine.Update(Addresses.Address(), Addresses.Address(address: "q10", type: "topic", plan: "standard-small-topic"));
        var findings = decision.Findings.Where(f => f.Rule == RuleIds.AddressImmutable).ToList();
        Assert.Equal(["spec.address", "spec.type"], findings.Select(f => f.Path));
        Assert.Equal((6, 12), (findings[0].Line, findings[0].Column));
    }

    [Fact]
    public void Changing_the_plan_on_update_passes()
    {
        var decision = TestEngine.Update(Addresses.Address(), Addresses.Address(plan: "standard-medium-queue"));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }
}

public sealed class OneTypoOneFindingTests
{
    [Fact]
    public void A_misspelt_address_type_is_not_also_blamed_on_the_plan()
    {
        var decision = TestEngine.Check(Addresses.Address(type: "topik", plan: "standard-small-topic"));
        decision.One(RuleIds.AddressType);
        decision.None(RuleIds.AddressPlanType);
    }
}

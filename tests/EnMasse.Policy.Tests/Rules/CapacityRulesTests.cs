using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Rules;

/// <summary>
/// capacity.address and capacity.plan-change against the accounting of ground truth §11: the
/// standard controller's lower bound per address, CreateController's sums on a plan change.
/// </summary>
public sealed class CapacityRulesTests
{
    /// <summary>Plans like the hackfest's batch-plan (router 2, broker 2, aggregate 4), a tight one, and addresses of space cap.</summary>
    private const string Plans = """
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressPlan
        metadata: { name: p-big }
        spec: { addressType: queue, resources: { router: 0.1, broker: 1.1 } }
        ---
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressPlan
        metadata: { name: p-small }
        spec: { addressType: queue, resources: { router: 0.1, broker: 0.3 } }
        ---
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressPlan
        metadata: { name: p-sub }
        spec: { addressType: subscription, resources: { router: 0.1, broker: 0.9 } }
        ---
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressPlan
        metadata: { name: p-topic }
        spec: { addressType: topic, resources: { router: 0.1, broker: 0.1 } }
        ---
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressPlan
        metadata: { name: p-nine }
        spec: { addressType: queue, resources: { router: 0.0, broker: 0.9 } }
        ---
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressPlan
        metadata: { name: p-router }
        spec: { addressType: anycast, resources: { router: 0.1 } }
        ---
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressSpacePlan
        metadata: { name: cap-plan }
        spec:
          addressSpaceType: standard
          infraConfigRef: default
          resourceLimits: { router: 2.0, broker: 2.0, aggregate: 4.0 }
          addressPlans: [p-big, p-small, p-sub, p-topic, p-nine, p-router]
        ---
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressSpacePlan
        metadata: { name: tight-plan }
        spec:
          addressSpaceType: standard
          infraConfigRef: default
          resourceLimits: { router: 1.0, broker: 1.0, aggregate: 2.0 }
          addressPlans: [p-big, p-small, p-sub, p-topic, p-nine, p-router]
        ---
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: cap, namespace: team1 }
        spec: { type: standard, plan: cap-plan }
        """;

    private static string World(params string[] addresses) =>
        Plans + string.Concat(addresses.Select((a, i) => $"\n---\napiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {{ name: cap.w{i}, namespace: team1 }}\nspec: {a}"));

    private static string Queue(string name, string plan, string type = "queue") =>
        Addresses.Address(name: "cap." + name, address: name, type: type, plan: plan);

    [Fact]
    public void An_exact_fit_passes_as_in_the_hackfest_batch_space()
    {
        // broker 1.1 takes ceil(1.1) = 2 brokers of 2; aggregate 1 router + 2 brokers of 4.
        TestEngine.Check(Queue("input", "p-big"), world: World()).None(RuleIds.CapacityAddress);
    }

    [Fact]
    public void One_more_pooled_queue_needs_a_third_broker()
    {
        var decision = TestEngine.Check(Queue("extra", "p-small"), world: World("{ address: input, type: queue, plan: p-big }"));
        var finding = decision.One(RuleIds.CapacityAddress);
        finding.At("spec.plan", 8, 9);
        Assert.Equal(
            "address plan \"p-small\" does not fit plan \"cap-plan\" of address space \"cap\": the space's addresses with this one need at least 3 brokers, and resourceLimits.broker allows 2; EnMasse would leave the address Pending with \"Quota exceeded\". Use a smaller address plan, remove addresses or move the space to a larger plan",
            finding.Message);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Router_credits_are_summed_exactly()
    {
        // Nineteen addresses of 0.1 and this one are 2.0 routers, the limit; decimals keep 0.1 * 20 at 2.0.
        var nineteen = Enumerable.Repeat("{ address: r, type: anycast, plan: p-router }", 19).ToArray();
        TestEngine.Check(Queue("a20", "p-router", "anycast"), world: World(nineteen)).None(RuleIds.CapacityAddress);
        var twenty = Enumerable.Repeat("{ address: r, type: anycast, plan: p-router }", 20).ToArray();
        Assert.Contains("at least 3 routers", TestEngine.Check(Queue("a21", "p-router", "anycast"), world: World(twenty)).One(RuleIds.CapacityAddress).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aggregate_counts_routers_and_brokers_together()
    {
        // 2 routers (19 x 0.1 + 0.1 + 0.1) and 2 brokers = 4 of aggregate 4 fits; one more pooled broker does not.
        var world = World([.. Enumerable.Repeat("{ address: r, type: anycast, plan: p-router }", 18), "{ address: input, type: queue, plan: p-big }"]);
        var decision = TestEngine.Check(Queue("extra", "p-small"), world: world);
        Assert.Equal(["broker", "aggregate"], decision.Findings.Where(f => f.Rule == RuleIds.CapacityAddress).Select(f => f.Message.Contains("resourceLimits.broker", StringComparison.Ordinal) ? "broker" : "aggregate"));
    }

    [Fact]
    public void An_update_replaces_the_stored_version_rather_than_adding_to_it()
    {
        var world = Plans + "\n---\napiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: { name: cap.input, namespace: team1 }\nspec: { address: input, type: queue, plan: p-big }";
        var decision = TestEngine.Run(Queue("input", "p-big"), Operation.Update, TestEngine.Single(Queue("input", "p-big")).Root, EnforcementPoint.Ci, null, world);
        decision.None(RuleIds.CapacityAddress);
    }

    [Fact]
    public void An_address_enmasse_left_pending_holds_nothing()
    {
        var world = World() + "\n---\napiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: { name: cap.waiting, namespace: team1 }\nspec: { address: waiting, type: queue, plan: p-big }\nstatus: { phase: Pending, messages: [Quota exceeded] }";
        TestEngine.Check(Queue("input", "p-big"), world: world).None(RuleIds.CapacityAddress);
    }

    [Fact]
    public void A_subscription_rides_on_its_topic_s_broker()
    {
        // Pooled credits 0.1 + 3 x 0.9 = 2.8 take at least 3 brokers; subscriptions of 0.9 go onto their topic's broker and add none.
        var queues = World("{ address: t, type: topic, plan: p-topic }", "{ address: q1, type: queue, plan: p-nine }", "{ address: q2, type: queue, plan: p-nine }");
        Assert.Contains("at least 3 brokers", TestEngine.Check(Queue("q3", "p-nine"), world: queues).One(RuleIds.CapacityAddress).Message, StringComparison.Ordinal);
        var subscriptions = World("{ address: t, type: topic, plan: p-topic }", "{ address: s1, type: subscription, plan: p-sub, topic: t }", "{ address: s2, type: subscription, plan: p-sub, topic: t }");
        TestEngine.Check(Addresses.Address(name: "cap.s3", address: "s3", type: "subscription", plan: "p-sub", extra: "  topic: t"), world: subscriptions).None(RuleIds.CapacityAddress);
    }

    [Fact]
    public void A_brokered_space_has_no_per_address_quota() =>
        TestEngine.Check(Addresses.Address(name: "bspace.q9", plan: "brokered-queue")).None(RuleIds.CapacityAddress);

    [Fact]
    public void A_plan_change_the_addresses_do_not_fit_is_denied_with_the_numbers()
    {
        var world = World("{ address: a, type: queue, plan: p-big }", "{ address: b, type: queue, plan: p-small }");
        var decision = TestEngine.Run(Spaces.Space("cap", plan: "tight-plan"), Operation.Update, TestEngine.Single(Spaces.Space("cap", plan: "cap-plan")).Root, EnforcementPoint.Ci, null, world);
        // CreateController's raw sums: broker 1.1 + 0.3 = 1.4 > 1; aggregate 1.6 of 2 and router 0.2 of 1 fit.
        var finding = decision.One(RuleIds.CapacityPlanChange);
        finding.At("spec.plan", 7, 9);
        Assert.Equal("address space \"cap\" cannot move from plan \"cap-plan\" to \"tight-plan\": its addresses request 1.4 broker and resourceLimits.broker of \"tight-plan\" allows 1; EnMasse would keep the old plan and report \"Unable to apply plan ... quota exceeded for resource broker\"", finding.Message);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void A_plan_change_that_fits_and_a_create_pass()
    {
        var world = World("{ address: b, type: queue, plan: p-small }");
        TestEngine.Run(Spaces.Space("cap", plan: "tight-plan"), Operation.Update, TestEngine.Single(Spaces.Space("cap", plan: "cap-plan")).Root, EnforcementPoint.Ci, null, world).None(RuleIds.CapacityPlanChange);
        TestEngine.Check(Spaces.Space("cap", plan: "tight-plan"), world: World("{ address: a, type: queue, plan: p-big }")).None(RuleIds.CapacityPlanChange);
    }
}

/// <summary>EnMasse writes status with a full UPDATE; a write that keeps what the rules count must pass.</summary>
public sealed class CapacityOnEnMasseWritesTests
{
    [Fact]
    public void Enmasse_s_status_write_to_an_address_it_left_pending_passes()
    {
        // myspace (standard-small) has no room for a large queue; EnMasse accepted it, left it Pending and writes that status.
        var pending = Addresses.Address(plan: "standard-large-queue");
        var withStatus = pending + "status: { phase: Pending, messages: [Quota exceeded] }\n";
        var world = World.Team1 + "\n---\n" + pending.Replace("name: myspace.q9", "name: myspace.q9\n  namespace: team1", StringComparison.Ordinal);
        Assert.Contains(TestEngine.Check(pending, world: World.Team1).Findings, f => f.Rule == RuleIds.CapacityAddress);
        TestEngine.Run(withStatus, Operation.Update, TestEngine.Single(pending).Root, EnforcementPoint.Admission, null, world).None(RuleIds.CapacityAddress);
    }

    [Fact]
    public void An_update_to_a_larger_plan_is_judged()
    {
        var small = Addresses.Address(name: "myspace.queue1", address: "queue1");
        var decision = TestEngine.Run(Addresses.Address(name: "myspace.queue1", address: "queue1", plan: "standard-large-queue"), Operation.Update, TestEngine.Single(small).Root, EnforcementPoint.Ci, null, World.Team1);
        Assert.Contains(decision.Findings, f => f.Rule == RuleIds.CapacityAddress && f.Message.Contains("at least 2 brokers", StringComparison.Ordinal));
    }
}

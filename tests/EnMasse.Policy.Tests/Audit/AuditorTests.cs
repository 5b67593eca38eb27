using EnMasse.Policy.Audit;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Audit;

/// <summary>The engine's audit: stored objects judged as an UPDATE of themselves, with no ratcheting.</summary>
public sealed class AuditorTests
{
    private const string Space = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: orders, namespace: team1 }
        spec: { type: standard, plan: standard-small }
        """;

    private static Resource Object(string yaml) => Resource.From(TestEngine.Single(yaml).Root, Resource.DefaultNamespace)!;

    private static Resource Address(string name, string address, string plan = "standard-small-queue") => Object($$"""
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: {{name}}, namespace: team1 }
        spec: { address: {{address}}, type: queue, plan: {{plan}} }
        """);

    private static BatchResult Audit(PolicyBundle bundle, params Resource[] objects) =>
        Auditor.Judge(new PolicyEngine(bundle), Auditor.Catalog(bundle, objects, PlanSource.Cluster), objects, EnforcementPoint.Admission);

    [Fact]
    public void An_error_the_stored_object_has_is_an_error_where_an_update_would_ratchet_it_to_a_warning()
    {
        var big = Address("orders.big", "big", plan: "standard-huge-queue");
        var objects = new[] { Object(Space), big };
        var catalog = Auditor.Catalog(TestEngine.Shipped, objects, PlanSource.Cluster);
        var ratcheted = new PolicyEngine(TestEngine.Shipped).Evaluate(new EvaluationRequest(big.Root, Operation.Update, big.Root, "team1", EnforcementPoint.Admission), catalog);

        var audited = Audit(TestEngine.Shipped, objects);

        // The same object, the same catalogue: an ordinary UPDATE that changes nothing is not judged at all.
        Assert.Empty(ratcheted.Findings);
        var finding = Assert.Single(audited.Findings);
        Assert.Equal((RuleIds.AddressPlan, Severity.Error, "spec.plan"), (finding.Rule, finding.Severity, finding.Path));
        Assert.Equal(("team1/Address/orders.big", "Address", "team1", "orders.big", 0, 0), (finding.File, finding.Kind, finding.Namespace, finding.Name, finding.Line, finding.Column));
        Assert.Equal(2, audited.Resources.Count);
        Assert.All(audited.Resources, r => Assert.Equal(Operation.Update, r.Operation));
    }

    [Fact]
    public void Two_addresses_that_share_spec_address_are_both_reported()
    {
        var audited = Audit(TestEngine.Shipped, Object(Space), Address("orders.a", "shared"), Address("orders.b", "shared"));
        Assert.Equal(["team1/Address/orders.a", "team1/Address/orders.b"], audited.Findings.Where(f => f.Rule == RuleIds.AddressDuplicate).Select(f => f.File));
    }

    [Fact]
    public void What_rules_let_an_update_keep_is_judged_in_an_audit()
    {
        // Two users of one space share a username; an address EnMasse left Pending does not fit the plan.
        var user = (string name) => Object($$"""
            apiVersion: user.enmasse.io/v1beta1
            kind: MessagingUser
            metadata: { name: orders.{{name}}, namespace: team1 }
            spec:
              username: teller
              authentication: { type: password, password: c2VjcmV0 }
              authorization: [ { addresses: ["*"], operations: [send] } ]
            """);
        var fits = Address("orders.a", "a", plan: "standard-large-queue");
        var pending = Object("""
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: orders.b, namespace: team1 }
            spec: { address: b, type: queue, plan: standard-large-queue }
            status: { phase: Pending, messages: ["Quota exceeded"] }
            """);
        Resource[] objects = [Object(Space), user("one"), user("two"), fits, pending];

        var audited = Audit(TestEngine.Shipped, objects);

        Assert.Equal(["team1/MessagingUser/orders.one", "team1/MessagingUser/orders.two"], audited.Findings.Where(f => f.Rule == RuleIds.UserUsernameDuplicate).Select(f => f.File));
        Assert.Equal(["team1/Address/orders.b"], audited.Findings.Where(f => f.Rule == RuleIds.CapacityAddress).Select(f => f.File).Distinct());

        // The same stored objects, each an ordinary (ratcheted) update that keeps them: EnMasse's own status writes pass.
        var catalog = Auditor.Catalog(TestEngine.Shipped, objects, PlanSource.Cluster);
        foreach (var stored in objects)
        {
            var update = new EvaluationRequest(stored.Root, Operation.Update, stored.Root, "team1", EnforcementPoint.Admission);
            Assert.Empty(new PolicyEngine(TestEngine.Shipped).Evaluate(update, catalog).Findings);
        }
    }

    [Fact]
    public void Annotations_EnMasse_set_on_a_stored_space_are_not_a_tenants_doing()
    {
        var space = Object("""
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata:
              name: orders
              namespace: team1
              annotations: { enmasse.io/realm-name: team1-orders, enmasse.io/infra-uuid: 4a1f0c }
            spec: { type: standard, plan: standard-small }
            """);
        Assert.DoesNotContain(Audit(TestEngine.Shipped, space).Findings, f => f.Rule == RuleIds.AddressSpaceProtectedAnnotation);
    }

    [Fact]
    public void Objects_are_judged_in_namespace_kind_and_name_order_and_only_tenant_kinds()
    {
        var plan = Object("""
            apiVersion: admin.enmasse.io/v1beta2
            kind: AddressPlan
            metadata: { name: standard-huge-queue, namespace: enmasse-infra }
            spec: { addressType: queue, resources: { broker: 0.1 } }
            """);
        var audited = Audit(TestEngine.Shipped, Address("orders.z", "z"), plan, Object(Space), Address("orders.a", "a"));
        Assert.Equal(["team1/AddressSpace/orders", "team1/Address/orders.a", "team1/Address/orders.z"], audited.Resources.Select(r => Auditor.ObjectName(r.Resource)));
    }

    [Fact]
    public void The_clusters_plans_decide_unless_the_policys_alone_are_asked_for()
    {
        var plan = Object("""
            apiVersion: admin.enmasse.io/v1beta2
            kind: AddressPlan
            metadata: { name: standard-huge-queue, namespace: enmasse-infra }
            spec: { addressType: queue, resources: { broker: 0.1 } }
            """);
        var big = Address("orders.big", "big", plan: "standard-huge-queue");
        Resource[] objects = [plan, Object(Space), big];

        Assert.NotNull(Auditor.Catalog(TestEngine.Shipped, objects, PlanSource.Cluster).AddressPlan("standard-huge-queue"));
        Assert.Null(Auditor.Catalog(TestEngine.Shipped, objects, PlanSource.Policy).AddressPlan("standard-huge-queue"));
        Assert.NotNull(Auditor.Catalog(TestEngine.Shipped, objects, PlanSource.Policy).AddressSpace("team1", "orders"));
    }

    [Fact]
    public void Positions_of_a_snapshot_are_dropped_since_findings_name_the_object()
    {
        var read = DocumentLoader.LoadText("snapshot.yaml", "\n\n" + Space.Replace("standard-small", "gold", StringComparison.Ordinal));
        var space = Resource.From(Assert.Single(read.Documents).Root, Resource.DefaultNamespace, "snapshot.yaml")!;
        var finding = Audit(TestEngine.Shipped, space).Findings.First(f => f.Rule == RuleIds.AddressSpacePlan);
        Assert.Equal(("team1/AddressSpace/orders", 0, 0), (finding.File, finding.Line, finding.Column));
    }
}

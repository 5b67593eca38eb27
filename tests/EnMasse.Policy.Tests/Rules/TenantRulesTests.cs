using EnMasse.Policy.Audit;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Rules;

/// <summary>
/// The tenant rules in the engine, over <see cref="TenantWorld"/>: which entry applies, where a
/// finding stands and what it says, which rule yields to EnMasse's own, and how the offline
/// door counts a change. (ParityTenantTests runs every field through both doors.)
/// </summary>
public sealed class TenantRulesTests
{
    private static readonly PolicyBundle Teams = TestEngine.WithPolicy(TenantWorld.Policy);

    private static Decision Create(string yaml, PolicyBundle? bundle = null, EnforcementPoint point = EnforcementPoint.Ci) =>
        TestEngine.Run(yaml, Operation.Create, null, point, bundle ?? Teams, TenantWorld.Objects);

    private static string Space(string ns, string name, string plan) =>
        $"apiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  type: standard\n  plan: {plan}\n";

    private static PolicyBundle With(string tenants, string rest = "") =>
        TestEngine.WithPolicy($"apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n{rest}  tenants:\n{tenants}");

    [Theory]
    [InlineData("team-payments", 0)]
    [InlineData("team-web", 1)]
    [InlineData("team-payments-dev", 1)]
    [InlineData("payments", -1)]
    [InlineData("other", -1)]
    public void The_first_entry_whose_namespaces_match_applies(string ns, int entry) =>
        Assert.Equal(entry < 0 ? null : entry, Teams.Policy.TenantOf(ns)?.Index);

    [Fact]
    public void A_plan_not_granted_is_reported_at_the_plan_with_the_entry_and_what_it_grants()
    {
        var finding = Create(Space("team-new", "new-shop", "standard-medium")).One(RuleIds.TenantPlan);
        finding.At("spec.plan", 8, 9);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("address space plan \"standard-medium\" is not granted to namespace \"team-new\": spec.tenants[1] (team-*) grants standard-small in addressSpacePlans; use one of those, or ask the platform team to grant it", finding.Message);
    }

    [Fact]
    public void An_unpublished_plan_is_addressspace_plan_s_finding_alone()
    {
        var decision = Create(Space("team-new", "new-shop", "gold"));
        decision.One(RuleIds.AddressSpacePlan);
        decision.None(RuleIds.TenantPlan);
    }

    [Fact]
    public void An_unpublished_address_plan_is_address_plan_s_finding_alone()
    {
        var decision = Create("apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: { name: web-old.q9, namespace: team-web }\nspec: { address: q9, type: queue, plan: standard-huge-queue }\n");
        decision.One(RuleIds.AddressPlan);
        decision.None(RuleIds.TenantAddressPlan);
    }

    [Fact]
    public void An_authentication_type_EnMasse_does_not_know_is_user_authentication_s_finding_alone()
    {
        var decision = Create("apiVersion: user.enmasse.io/v1beta1\nkind: MessagingUser\nmetadata: { name: pay-orders.x, namespace: team-payments }\nspec: { username: x, authentication: { type: anonymous } }\n");
        decision.One(RuleIds.UserAuthentication);
        decision.None(RuleIds.TenantAuthentication);
    }

    [Fact]
    public void A_name_is_matched_anywhere_unless_the_pattern_is_anchored()
    {
        var anywhere = With("    - { namespaces: [team-a], addressSpaceNames: \"pay\" }\n");
        Create(Space("team-a", "old-pay-1", "standard-small"), anywhere).None(RuleIds.TenantNaming);
        var anchored = With("    - { namespaces: [team-a], addressSpaceNames: \"^pay-[a-z]+$\" }\n");
        var finding = Create(Space("team-a", "pay-1", "standard-small"), anchored).One(RuleIds.TenantNaming);
        finding.At("metadata.name", 4, 9);
        Assert.Equal("the address space's name does not match \"^pay-[a-z]+$\", the addressSpaceNames pattern that spec.tenants[0] (team-a) sets for namespace \"team-a\"; rename the address space (a new name is a new space)", finding.Message);
    }

    [Fact]
    public void A_limit_of_zero_refuses_the_first_object_and_says_it_is_alone()
    {
        var finding = Create(Space("team-a", "a", "standard-small"), With("    - { namespaces: [team-a], maxAddressSpaces: 0 }\n")).One(RuleIds.TenantQuota);
        Assert.Equal("namespace \"team-a\" would hold 1 address space (this one alone); maxAddressSpaces of spec.tenants[0] (team-a) is 0. Remove one first, or ask the platform team to raise the limit", finding.Message);
    }

    [Fact]
    public void An_update_never_trips_a_quota_even_over_the_limit()
    {
        // team-web holds two spaces and is allowed one; web-old changes its endpoints.
        var old = TestEngine.Single(Space("team-web", "web-old", "standard-small")).Root;
        var decision = TestEngine.Run(Space("team-web", "web-old", "standard-small") + "  endpoints: [ { name: messaging, service: messaging } ]\n", Operation.Update, old, EnforcementPoint.Ci, Teams, TenantWorld.Objects);
        decision.None(RuleIds.TenantQuota);
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }

    [Fact]
    public void A_platform_can_make_a_quota_a_warning_at_admission_only()
    {
        var bundle = With("    - { namespaces: [team-web], maxAddressSpaces: 1 }\n", "  rules:\n    tenant.quota: { admission: warning }\n");
        var yaml = Space("team-web", "web-blog", "standard-small");
        var atAdmission = Create(yaml, bundle, EnforcementPoint.Admission);
        Assert.True(atAdmission.Allowed);
        Assert.Equal(Severity.Warning, atAdmission.One(RuleIds.TenantQuota).Severity);
        Assert.False(Create(yaml, bundle, EnforcementPoint.Ci).Allowed);
    }

    [Fact]
    public void An_exemption_keeps_the_finding_but_does_not_deny()
    {
        var bundle = With("    - { namespaces: [team-web], addressSpacePlans: [standard-small] }\n", "  exemptions:\n    - { namespaces: [team-web], rules: [\"tenant.*\"], reason: migrating }\n");
        var decision = Create(Space("team-web", "web-big", "standard-medium"), bundle);
        Assert.True(decision.Allowed);
        Assert.True(decision.One(RuleIds.TenantPlan).Exempted);
    }

    [Fact]
    public void Offline_a_change_that_exceeds_a_limit_is_refused_at_each_new_object()
    {
        // team-payments holds pay-orders and may have two; the change adds two more.
        var file = DocumentLoader.LoadText("change.yaml", Space("team-payments", "pay-a", "standard-small") + "---\n" + Space("team-payments", "pay-b", "standard-small"));
        var result = BatchValidator.Validate(Teams, [file], [DocumentLoader.LoadText("world.yaml", TenantWorld.Objects)], "team-payments");
        var quota = result.Findings.Where(f => f.Rule == RuleIds.TenantQuota).ToList();
        // Each at its own metadata.name: line 4 of the first document, line 13 of the second (after the ---).
        Assert.Equal([4, 13], quota.Select(f => f.Line));
        Assert.All(quota, f => Assert.Contains("would hold 3 address spaces (this one and 2 in the checked files and --catalog)", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Offline_an_object_the_catalog_holds_is_an_update_and_never_a_quota_finding()
    {
        // web-old exists, in a namespace over its limit; the file gives it endpoints.
        var file = DocumentLoader.LoadText("web-old.yaml", Space("team-web", "web-old", "standard-small") + "  endpoints: [ { name: messaging, service: messaging } ]\n");
        var result = BatchValidator.Validate(Teams, [file], [DocumentLoader.LoadText("world.yaml", TenantWorld.Objects)], "team-web");
        Assert.Equal(Operation.Update, Assert.Single(result.Resources).Operation);
        Assert.DoesNotContain(result.Findings, f => f.Rule == RuleIds.TenantQuota);
    }

    [Fact]
    public void An_audit_reports_every_object_of_a_namespace_over_its_limit_and_nothing_at_a_limit()
    {
        // team-web holds two spaces and may have one; everything else is within or exactly at its limits.
        var objects = DocumentLoader.LoadText("world.yaml", TenantWorld.Objects).Documents.Select(d => Resource.From(d.Root, Resource.DefaultNamespace)!).ToList();
        var audited = Auditor.Judge(new PolicyEngine(Teams), Auditor.Catalog(Teams, objects, PlanSource.Policy), objects, EnforcementPoint.Admission);
        var quota = audited.Findings.Where(f => f.Rule == RuleIds.TenantQuota).ToList();
        Assert.Equal(["team-web/AddressSpace/web-old", "team-web/AddressSpace/web-shop"], quota.Select(f => f.File));
        Assert.Equal(
            "namespace \"team-web\" holds 2 address spaces (this one and 1 in the cluster), 1 more than maxAddressSpaces of spec.tenants[1] (team-*) allows (1); remove 1, or ask the platform team to raise the limit",
            quota[0].Message);
        Assert.Equal([RuleIds.TenantQuota], audited.Findings.Select(f => f.Rule).Distinct());
    }

    [Fact]
    public void A_namespace_without_an_entry_is_judged_as_before()
    {
        var decision = Create(Space("other", "anything", "standard-unlimited"));
        Assert.DoesNotContain(decision.Findings, f => f.Rule.StartsWith("tenant.", StringComparison.Ordinal));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }
}

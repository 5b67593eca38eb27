using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Tenants;

/// <summary><c>tenant.plan</c>: the AddressSpace's plan is one its namespace's spec.tenants entry grants.</summary>
public sealed class TenantPlanRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.TenantPlan;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "spec.plan is an address space plan the namespace's spec.tenants entry grants in addressSpacePlans (a platform entitlement: EnMasse accepts any published plan)";

    // A plan nobody publishes is addressspace.plan's finding, an error EnMasse makes too.
    protected override void Check(AddressSpaceObject subject, RuleContext context) =>
        Entitlements.CheckGranted(context, subject.Plan, t => t.AddressSpacePlans, plan => context.Catalog.AddressSpacePlan(plan) is not null, "address space plan", "addressSpacePlans");
}

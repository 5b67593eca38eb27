using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Tenants;

/// <summary><c>tenant.address-plan</c>: the Address's plan is one its namespace's spec.tenants entry grants.</summary>
public sealed class TenantAddressPlanRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.TenantAddressPlan;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "spec.plan is an address plan the namespace's spec.tenants entry grants in addressPlans (a platform entitlement: EnMasse accepts any plan the space's type offers)";

    // A plan nobody publishes is address.plan's finding, an error EnMasse makes too.
    protected override void Check(AddressObject subject, RuleContext context) =>
        Entitlements.CheckGranted(context, subject.Plan, t => t.AddressPlans, plan => context.Catalog.AddressPlan(plan) is not null, "address plan", "addressPlans");
}

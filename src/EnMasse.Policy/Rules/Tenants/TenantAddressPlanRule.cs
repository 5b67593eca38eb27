using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Tenants;

/// <summary><c>tenant.address-plan</c>: the Address's plan is one its namespace's spec.tenants entry grants.</summary>
public sealed class TenantAddressPlanRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.TenantAddressPlan;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "spec.plan is an address plan the namespace's spec.tenants entry grants in addressPlans (a platform entitlement: EnMasse accepts any plan the space's type offers)";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        // A plan nobody publishes is address.plan's finding, an error EnMasse makes too.
        if (subject.Plan is not { } plan
            || context.Policy.TenantOf(subject.Namespace) is not { AddressPlans: { } granted } tenant
            || granted.Contains(plan.Value)
            || context.Catalog.AddressPlan(plan.Value) is null)
        {
            return;
        }

        context.Report(plan, Entitlements.NotGranted("address plan", plan.Value, subject.Namespace, tenant, granted, "addressPlans"));
    }
}

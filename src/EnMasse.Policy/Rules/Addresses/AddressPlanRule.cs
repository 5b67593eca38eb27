using EnMasse.Policy.Findings;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.plan</c>: the plan is a published AddressPlan; suggests the nearest of the right type.</summary>
public sealed class AddressPlanRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressPlan;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "spec.plan names a published AddressPlan";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Plan is not { } plan || context.Catalog.AddressPlan(plan.Value) is not null)
        {
            return;
        }

        var type = subject.Type?.Value;
        if (type is not null && !Published.AddressPlanNames(context.Catalog, type).Any())
        {
            type = null;
        }

        var candidates = Published.AddressPlanNames(context.Catalog, type).ToList();
        context.Report(plan, $"address plan \"{plan.Value}\" is not published; {Published.AddressPlans(context.Catalog, type)}{Names.DidYouMean(plan.Value, candidates)}");
    }
}

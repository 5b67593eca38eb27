using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

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
        if (type is not null && !PublishedPlans.AddressPlanNames(context.Catalog, type).Any())
        {
            type = null;
        }

        // When the space and its plan are known, only what that plan offers is worth suggesting.
        var spacePlan = SpaceLookup.Find(context, subject.SpaceName)?.Plan is { } name ? context.Catalog.AddressSpacePlan(name) : null;
        var offered = spacePlan?.AddressPlans.ToHashSet(StringComparer.Ordinal);
        var candidates = PublishedPlans.AddressPlanNames(context.Catalog, type).Where(p => offered is null || offered.Contains(p)).ToList();
        var scope = spacePlan is null ? string.Empty : $" by plan \"{spacePlan.Name}\"";
        context.Report(plan, $"address plan \"{plan.Value}\" is not published; published{(type is null ? string.Empty : " for " + type)}{scope}: {Names.List(candidates)}{Names.DidYouMean(plan.Value, candidates)}");
    }
}

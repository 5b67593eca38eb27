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

    public override string Summary => "spec.plan names a published AddressPlan that a valid AddressSpacePlan of the space's type offers (what EnMasse knows)";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Plan is not { } plan)
        {
            return;
        }

        if (context.Catalog.AddressPlan(plan.Value) is not null)
        {
            CheckOffered(subject, plan, context);
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

    /// <summary>
    /// EnMasse knows an address plan only through the valid AddressSpacePlans of the space's type
    /// (KubeSchemaApi); a plan no such plan lists is "Unknown address plan" whatever is published.
    /// </summary>
    private static void CheckOffered(AddressObject subject, Text plan, RuleContext context)
    {
        if (SpaceLookup.Find(context, subject.SpaceName)?.Type is not { } spaceType || !context.Policy.AddressSpaceTypes.ContainsKey(spaceType)
            || context.Catalog.Offers(spaceType, plan.Value))
        {
            return;
        }

        context.Report(plan, $"address plan \"{plan.Value}\" is published, but no valid {spaceType} address space plan offers it, so {context.Release.Label} reports \"Unknown address plan\" for it in {spaceType} address space \"{subject.SpaceName}\"; {PublishedPlans.OfferedAddressPlans(context.Catalog, spaceType, subject.Type?.Value)}");
    }
}

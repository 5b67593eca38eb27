using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.plan-type</c>: the plan is made for this address space type.</summary>
public sealed class AddressSpacePlanTypeRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpacePlanType;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "the plan's addressSpaceType equals spec.type";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        // A type the policy does not allow is addressspace.type's finding; no plan can fit it.
        if (subject.Plan is not { } plan || subject.Type is not { } type
            || !context.Policy.AddressSpaceTypes.ContainsKey(type.Value)
            || context.Catalog.AddressSpacePlan(plan.Value) is not { } published
            || published.AddressSpaceType == type.Value)
        {
            return;
        }

        context.Report(plan, $"address space plan \"{plan.Value}\" is for {published.AddressSpaceType ?? "no"} address spaces, not {type.Value}; {PublishedPlans.SpacePlans(context.Catalog, type.Value)}");
    }
}

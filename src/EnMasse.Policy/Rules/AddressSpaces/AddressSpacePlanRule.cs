using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.plan</c>: the plan is a published AddressSpacePlan.</summary>
public sealed class AddressSpacePlanRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpacePlan;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "spec.plan names a published AddressSpacePlan";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        if (subject.Plan is not { } plan || context.Catalog.AddressSpacePlan(plan.Value) is not null)
        {
            return;
        }

        var type = subject.Type is { } t && context.Policy.AddressSpaceTypes.ContainsKey(t.Value) ? t.Value : null;
        var candidates = PublishedPlans.SpacePlanNames(context.Catalog, type).ToList();
        context.Report(plan, $"address space plan \"{plan.Value}\" is not published; {PublishedPlans.SpacePlans(context.Catalog, type)}{Names.DidYouMean(plan.Value, candidates)}");
    }
}

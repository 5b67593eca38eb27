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

    public override string Summary => "spec.plan names a published AddressSpacePlan that EnMasse accepts (its infra config, address plans and resource limits exist)";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        if (subject.Plan is not { } plan)
        {
            return;
        }

        if (context.Catalog.AddressSpacePlan(plan.Value) is { } published)
        {
            if (published.Problem is { } problem)
            {
                context.Report(plan, $"address space plan \"{plan.Value}\" is published, but EnMasse treats it as unknown because {problem}: EnMasse reports \"Unknown address space plan\" and provisions nothing; ask the platform team to fix the plan");
            }

            return;
        }

        var type = subject.Type is { } t && context.Policy.AddressSpaceTypes.ContainsKey(t.Value) ? t.Value : null;
        var candidates = PublishedPlans.SpacePlanNames(context.Catalog, type).ToList();
        context.Report(plan, $"address space plan \"{plan.Value}\" is not published; {PublishedPlans.SpacePlans(context.Catalog, type)}{Names.DidYouMean(plan.Value, candidates)}");
    }
}

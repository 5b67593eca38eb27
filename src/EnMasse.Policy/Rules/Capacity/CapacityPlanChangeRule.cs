using System.Globalization;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Capacity;

/// <summary>
/// <c>capacity.plan-change</c>: on UPDATE of spec.plan, the space's addresses fit the new plan.
/// EnMasse's CreateController sums every address's credits per resource (and all of them as
/// aggregate) against the new plan's resourceLimits; when one exceeds it keeps the old plan and
/// reports "Unable to apply plan ... quota exceeded for resource ...".
/// </summary>
public sealed class CapacityPlanChangeRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.CapacityPlanChange;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override bool JudgesChangeOnly => true;

    public override string Summary => "on UPDATE of spec.plan, the space's addresses fit the new plan's resourceLimits; EnMasse would keep the old plan (\"quota exceeded for resource\")";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        if (context.Operation != Operation.Update || context.Old is not AddressSpaceObject { Plan: { } before }
            || subject.Plan is not { } after || before.Value == after.Value
            || context.Catalog.AddressSpacePlan(after.Value) is not { IsValid: true } plan)
        {
            return;
        }

        var requested = context.Catalog.UsageOf(subject.Namespace, subject.Name).Requested;
        foreach (var (resource, used) in requested.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (plan.ResourceLimits.TryGetValue(resource, out var limit) && used > (decimal)limit)
            {
                context.Report(after, $"address space \"{subject.Name}\" cannot move from plan \"{before.Value}\" to \"{after.Value}\": its addresses request {used.ToString(CultureInfo.InvariantCulture)} {resource} and resourceLimits.{resource} of \"{after.Value}\" allows {limit.ToString(CultureInfo.InvariantCulture)}; EnMasse would keep the old plan and report \"Unable to apply plan ... quota exceeded for resource {resource}\"");
            }
        }
    }
}

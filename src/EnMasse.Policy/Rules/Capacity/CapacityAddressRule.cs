using System.Globalization;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Capacity;

/// <summary>
/// <c>capacity.address</c>: a new or changed Address of a standard space fits the space plan's
/// resourceLimits together with the space's other addresses. EnMasse accepts the object and then
/// leaves it Pending with "Quota exceeded"; this says so before. The count is a lower bound of
/// the standard controller's (see <see cref="SpaceUsage"/>), so a finding is never a false alarm
/// about the objects the catalogue holds.
/// </summary>
public sealed class CapacityAddressRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.CapacityAddress;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "an Address of a standard space fits its plan's resourceLimits (router, broker, aggregate) with the space's other addresses; EnMasse would leave it Pending with \"Quota exceeded\"";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        // An update that keeps plan and type changes nothing EnMasse counts: EnMasse's own status
        // writes to an address it left Pending must not be refused for the quota it reported.
        // An audit judges what the address is, so there it counts.
        if (context.KeepsFrom<AddressObject>(out var old)
            && old.Plan?.Value == subject.Plan?.Value && old.Type?.Value == subject.Type?.Value)
        {
            return;
        }

        if (subject.Plan is not { } plan || context.Catalog.AddressPlan(plan.Value) is not { } addressPlan
            || SpaceLookup.Find(context, subject.SpaceName) is not { Type: "standard", Plan: { } spacePlanName } space
            || context.Catalog.AddressSpacePlan(spacePlanName) is not { IsValid: true } spacePlan)
        {
            return;
        }

        var usage = context.Catalog.UsageOf(subject.Namespace, space.Name);
        if (context.Catalog.Entry(new ObjectKey(ResourceKind.Address, subject.Namespace, subject.Name)) is AddressEntry stored)
        {
            // The stored version is counted already; the request replaces it.
            usage = usage.With(stored.Plan is null ? null : context.Catalog.AddressPlan(stored.Plan), stored.Type, !stored.Unprovisioned, -1);
        }

        usage = usage.With(addressPlan, subject.Type?.Value, provisioned: true, 1);
        Check(SpaceUsage.RouterResource, usage.RoutersNeeded, "routers");
        Check(SpaceUsage.BrokerResource, usage.BrokersNeeded, "brokers");
        Check(SpaceUsage.AggregateResource, usage.AggregateNeeded, "routers and brokers together");

        void Check(string resource, int needed, string what)
        {
            if (spacePlan.ResourceLimits.TryGetValue(resource, out var limit) && needed > limit)
            {
                context.Report(plan, $"address plan \"{plan.Value}\" does not fit plan \"{spacePlanName}\" of address space \"{space.Name}\": the space's addresses with this one need at least {needed} {what}, and resourceLimits.{resource} allows {limit.ToString(CultureInfo.InvariantCulture)}; EnMasse would leave the address Pending with \"Quota exceeded\". Use a smaller address plan, remove addresses or move the space to a larger plan");
            }
        }
    }
}

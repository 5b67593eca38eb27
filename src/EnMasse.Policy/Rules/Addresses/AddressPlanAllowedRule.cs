using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.plan-allowed</c>: the address space's plan lists this address plan.</summary>
public sealed class AddressPlanAllowedRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressPlanAllowed;

    /// <summary>A warning at admission: the AddressSpace's new plan may come later in the same apply (see <see cref="IRule.AdmissionSeverity"/>).</summary>
    public override Severity AdmissionSeverity => Severity.Warning;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "the address space's plan lists this address plan in addressPlans";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Plan is not { } plan || context.Catalog.AddressPlan(plan.Value) is null
            || SpaceLookup.Find(context, subject.SpaceName) is not { Plan: { } spacePlanName } space
            || context.Catalog.AddressSpacePlan(spacePlanName) is not { } spacePlan
            || spacePlan.AddressPlans.Contains(plan.Value))
        {
            return;
        }

        var type = subject.Type?.Value;
        var offered = spacePlan.AddressPlans.Where(p => type is null || context.Catalog.AddressPlan(p)?.AddressType == type).ToList();
        context.Report(plan, $"address plan \"{plan.Value}\" is not offered by plan \"{spacePlanName}\" of address space \"{space.Name}\"; it offers{(type is null ? string.Empty : " for " + type)}: {Names.List(offered)}");
    }
}

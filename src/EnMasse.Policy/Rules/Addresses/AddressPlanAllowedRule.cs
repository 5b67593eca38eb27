using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.plan-allowed</c>: the address space's plan lists this address plan.</summary>
public sealed class AddressPlanAllowedRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressPlanAllowed;

    /// <summary>A platform narrowing, not EnMasse's rule: a warning at both points unless the policy makes it an error.</summary>
    public override Severity DefaultSeverity => Severity.Warning;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "the address space's own plan lists this address plan (a platform narrowing: EnMasse accepts any plan a plan of the space's type offers)";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        // A plan no valid plan of the space's type offers is address.plan's finding, an error EnMasse makes too.
        if (subject.Plan is not { } plan || context.Catalog.AddressPlan(plan.Value) is null
            || SpaceLookup.Find(context, subject.SpaceName) is not { Plan: { } spacePlanName, Type: { } spaceType } space
            || !context.Catalog.Offers(spaceType, plan.Value)
            || context.Catalog.AddressSpacePlan(spacePlanName) is not { } spacePlan
            || spacePlan.AddressPlans.Contains(plan.Value))
        {
            return;
        }

        var type = subject.Type?.Value;
        var offered = spacePlan.AddressPlans.Where(p => type is null || context.Catalog.AddressPlan(p)?.AddressType == type).ToList();
        context.Report(plan, $"address plan \"{plan.Value}\" is not offered by plan \"{spacePlanName}\" of address space \"{space.Name}\"; it offers{(type is null ? string.Empty : " for " + type)}: {Names.List(offered)}. EnMasse itself would accept it, as another {spaceType} plan offers it, and charge it to this space's limits; the platform narrows plans to the space's own");
    }
}

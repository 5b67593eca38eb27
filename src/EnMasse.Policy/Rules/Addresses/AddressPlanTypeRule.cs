using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.plan-type</c>: the plan is made for this address type.</summary>
public sealed class AddressPlanTypeRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressPlanType;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "the plan's addressType equals spec.type";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Plan is not { } plan || subject.Type is not { } type
            || context.Catalog.AddressPlan(plan.Value) is not { } published
            || published.AddressType == type.Value
            // An address type EnMasse does not have is address.type's finding; the plan is not the mistake.
            || !Policies.AdmissionPolicy.EnMasseTypes.Values.Any(t => t.Contains(type.Value)))
        {
            return;
        }

        context.Report(plan, $"address plan \"{plan.Value}\" is for {published.AddressType ?? "no"} addresses, not {type.Value}; {PublishedPlans.AddressPlans(context.Catalog, type.Value)}");
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.type</c>: the type is one the policy allows.</summary>
public sealed class AddressSpaceTypeRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceType;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "spec.type is an address space type the policy allows (standard, brokered)";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        if (subject.Type is not { } type || context.Policy.AddressSpaceTypes.ContainsKey(type.Value))
        {
            return;
        }

        var allowed = context.Policy.AddressSpaceTypes.Keys.Order(StringComparer.Ordinal).ToList();
        context.Report(type, $"address space type \"{type.Value}\" is not allowed; allowed: {Names.List(allowed)}{Names.DidYouMean(type.Value, allowed)}");
    }
}

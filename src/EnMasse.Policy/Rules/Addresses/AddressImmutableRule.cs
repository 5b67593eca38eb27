using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.immutable</c>: an update keeps spec.address and spec.type.</summary>
public sealed class AddressImmutableRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressImmutable;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.Address;

    public override bool JudgesChangeOnly => true;

    public override string Summary => "on UPDATE, spec.address and spec.type do not change, nor (up to 0.30, as EnMasse's API server refused) spec.topic";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (context.Operation != Operation.Update || context.Old is not AddressObject old)
        {
            return;
        }

        Compare("spec.address", old.Address, subject.Address, context);
        Compare("spec.type", old.Type, subject.Type, context);
        if (context.Release.AtMost(30))
        {
            Compare("spec.topic", old.Topic, subject.Topic, context, $" ({context.Release.Label} refuses it: Cannot change topic of address)");
        }
    }

    private static void Compare(string field, Text? before, Text? after, RuleContext context, string why = "")
    {
        if (before is not null && after is not null && before.Value != after.Value)
        {
            context.Report(after, $"{field} cannot change from \"{before.Value}\" to \"{after.Value}\"{why}; delete the Address and create a new one");
        }
    }
}

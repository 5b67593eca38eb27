using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.immutable</c>: an update keeps spec.type.</summary>
public sealed class AddressSpaceImmutableRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceImmutable;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override bool JudgesChangeOnly => true;

    public override string Summary => "on UPDATE, spec.type does not change (a plan change is allowed)";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        if (context.Operation != Operation.Update || context.Old is not AddressSpaceObject old
            || old.Type is not { } before || subject.Type is not { } after || before.Value == after.Value)
        {
            return;
        }

        context.Report(after, $"spec.type cannot change from \"{before.Value}\" to \"{after.Value}\"; create a new address space of type {after.Value} instead (changing spec.plan is allowed)");
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.type</c>: the address type is allowed for the address space's type.</summary>
public sealed class AddressTypeRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressType;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "spec.type is allowed for the address space's type (standard: queue, topic, anycast, multicast, subscription; brokered: queue, topic)";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Type is not { } type)
        {
            return;
        }

        var types = context.Policy.AddressSpaceTypes;
        var space = SpaceLookup.Find(context, subject.SpaceName);
        if (space?.Type is { } spaceType && types.TryGetValue(spaceType, out var allowed))
        {
            if (!allowed.Contains(type.Value))
            {
                var list = allowed.Order(StringComparer.Ordinal).ToList();
                context.Report(type, $"address type \"{type.Value}\" is not allowed in {spaceType} address space \"{space.Name}\"; allowed: {Names.List(list)}{Names.DidYouMean(type.Value, list)}");
            }

            return;
        }

        // The space is unknown here (address.space says so); still catch a type no space allows.
        var any = types.Values.SelectMany(s => s).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!any.Contains(type.Value))
        {
            context.Report(type, $"address type \"{type.Value}\" is not allowed; allowed: {Names.List(any)}{Names.DidYouMean(type.Value, any)}");
        }
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary>
/// <c>address.forwarder</c>: forwarders as EnMasse (0.30+) takes them: named with letters and
/// digits, only on queues and subscriptions of a standard space that has connectors, each
/// remoteAddress starting with a connector's name, and no incoming forwarder on a subscription.
/// </summary>
public sealed class AddressForwarderRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressForwarder;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "forwarders are named [a-zA-Z0-9]+, only on standard queues and subscriptions, with a remoteAddress starting with a connector of the space, and never in on a subscription";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Forwarders.Count == 0)
        {
            return;
        }

        var space = SpaceLookup.Find(context, subject.SpaceName);
        var first = subject.Forwarders[0];
        if (space?.Type == "brokered")
        {
            context.Report(first, $"forwarders work only in standard address spaces; \"{space.Name}\" is brokered ({context.Release.Label} {(context.Release.AtMost(30) ? "refuses them" : "ignores them")})");
            return;
        }

        if (subject.Type is { } type && type.Value is not ("queue" or "subscription"))
        {
            context.Report(type, $"forwarders can only be created for address types queue and subscription, not {type.Value}; EnMasse reports \"Unable to create forwarders\"");
        }

        if (space is not null && space.Connectors.Count == 0)
        {
            context.Report(first, $"address space \"{space.Name}\" has no connectors, so its forwarders have nowhere to go; add a connector to the AddressSpace (spec.connectors) first");
        }

        foreach (var forwarder in subject.Forwarders)
        {
            var name = NodeRead.String(forwarder, "name");
            if (name is not null && !Names.IsAlphanumeric(name.Value))
            {
                context.Report(name, $"forwarder name \"{name.Value}\" is refused by EnMasse, which allows only letters and digits ([a-zA-Z0-9]+)");
            }

            // EnMasse checks only that the remote address starts with a connector's name.
            if (space is { Connectors.Count: > 0 } && NodeRead.String(forwarder, "remoteAddress") is { } remote
                && !space.Connectors.Any(c => remote.Value.StartsWith(c, StringComparison.Ordinal)))
            {
                context.Report(remote, $"remoteAddress \"{remote.Value}\" does not start with a connector of address space \"{space.Name}\" ({string.Join(", ", space.Connectors)}); write <connector>/<address>, e.g. {space.Connectors[0]}/{remote.Value}");
            }

            if (subject.Type?.Value == "subscription" && NodeRead.String(forwarder, "direction") is { Value: "in" } direction)
            {
                context.Report(direction, "direction in is not allowed on a subscription: a subscription only receives from its topic; use out");
            }
        }
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.topic</c>: a subscription names a topic of its space; nothing else has a topic.</summary>
public sealed class AddressTopicRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressTopic;

    /// <summary>A warning at admission: the topic may come later in the same apply (see <see cref="IRule.AdmissionSeverity"/>).</summary>
    public override Severity AdmissionSeverity => Severity.Warning;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "a subscription has spec.topic naming a topic address of the same space; spec.topic on another type is a warning (EnMasse ignores it)";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Type?.Value != "subscription")
        {
            if (subject.Topic is { } stray && subject.Type is not null)
            {
                context.Report(stray, $"spec.topic only applies to subscription addresses; EnMasse ignores it on a {subject.Type.Value}, so remove it or make the address a subscription", Severity.Warning);
            }

            return;
        }

        if (subject.Topic is not { } topic)
        {
            context.ReportMissing(subject.Spec ?? (Documents.Node)subject.Root, "topic", "a subscription needs spec.topic: the address of a topic in the same address space");
            return;
        }

        if (subject.SpaceName is not { Length: > 0 } space)
        {
            return;
        }

        var addresses = context.Catalog.AddressesOf(subject.Namespace, space);
        if (addresses.Any(a => a.Address == topic.Value && a.Type == "topic"))
        {
            return;
        }

        var other = addresses.FirstOrDefault(a => a.Address == topic.Value);
        var topics = addresses.Where(a => a.Type == "topic" && a.Address is not null).Select(a => a.Address!).Order(StringComparer.Ordinal).ToList();
        context.Report(topic, other is not null
            ? $"spec.topic \"{topic.Value}\" is a {other.Type} address, not a topic; topics in \"{space}\": {Names.List(topics)}"
            : $"spec.topic \"{topic.Value}\" names no topic address in address space \"{space}\"; topics there: {Names.List(topics)}{Names.DidYouMean(topic.Value, addresses.Where(a => a.Address is not null).Select(a => a.Address!))}");
    }
}

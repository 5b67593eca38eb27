using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.topic</c>: a subscription names a topic of its space; nothing else has a topic.</summary>
public sealed class AddressTopicRule : TenantRule<AddressObject>
{
    private const int MaxSuggestionCandidates = 1000;

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

        var named = context.Catalog.AddressesWith(subject.Namespace, space, topic.Value).ToList();
        if (named.Any(a => a.Type == "topic"))
        {
            return;
        }

        // Lists and suggestions read at most a bounded stretch of the space's sorted topics, so a
        // denial costs the same in a space of 100,000 addresses: the first ones to list, and for
        // "did you mean" those that share the typed value's first letter.
        var topics = Names.ListSome(context.Catalog.Topics(subject.Namespace, space));
        var near = topic.Value.Length == 0 ? [] : context.Catalog.Topics(subject.Namespace, space, topic.Value[..1]).Take(MaxSuggestionCandidates);
        context.Report(topic, named.Count > 0
            ? $"spec.topic \"{topic.Value}\" is a {named[0].Type} address, not a topic; topics in \"{space}\": {topics}"
            : $"spec.topic \"{topic.Value}\" names no topic address in address space \"{space}\"; topics there: {topics}{Names.DidYouMean(topic.Value, near)}");
    }
}

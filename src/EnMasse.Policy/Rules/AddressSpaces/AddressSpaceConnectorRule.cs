using System.Text.RegularExpressions;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary>
/// <c>addressspace.connector</c>: connector and address rule names are letters and digits, and
/// rule patterns are words, '*' or '#' separated by '/', as EnMasse's validators require. The
/// CRD's own pattern is unanchored, so the API server takes "remote-1" and EnMasse then reports
/// "Error validating address space".
/// </summary>
public sealed partial class AddressSpaceConnectorRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceConnector;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "connector and address rule names match [a-zA-Z0-9]+; rule patterns are words, * or # separated by /";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        foreach (var connector in subject.Connectors)
        {
            var name = NodeRead.String(connector, "name");
            if (name is not null && !Names.IsAlphanumeric(name.Value))
            {
                context.Report(name, $"connector name \"{name.Value}\" is refused by EnMasse, which allows only letters and digits ([a-zA-Z0-9]+); the space would not be provisioned");
            }

            foreach (var rule in NodeRead.Maps(NodeRead.List(connector, "addresses")))
            {
                if (NodeRead.String(rule, "name") is { } ruleName && !Names.IsAlphanumeric(ruleName.Value))
                {
                    context.Report(ruleName, $"address rule name \"{ruleName.Value}\" of connector \"{name?.Value}\" is refused by EnMasse, which allows only letters and digits ([a-zA-Z0-9]+)");
                }

                if (NodeRead.String(rule, "pattern") is { } pattern && !Pattern().IsMatch(pattern.Value))
                {
                    context.Report(pattern, $"address rule pattern \"{pattern.Value}\" is refused by EnMasse: use words separated by '/', where a word is '*' (one word), '#' (any number) or text without '/', '*' and '#', e.g. prices/*");
                }
            }
        }
    }

    [GeneratedRegex("^([^/#*]+|\\*|#)(/([^/#*]+|\\*|#))*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

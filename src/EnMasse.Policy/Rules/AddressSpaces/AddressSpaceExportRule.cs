using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.export</c>: exports name a supported kind and a valid, unique name.</summary>
public sealed class AddressSpaceExportRule : TenantRule<AddressSpaceObject>
{
    private static readonly string[] Kinds = ["ConfigMap", "Secret", "Service"];

    public override string Id => RuleIds.AddressSpaceExport;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "exports[].kind is ConfigMap, Secret or Service; export names are unique and DNS-1123";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var endpoint in subject.Endpoints)
        {
            foreach (var export in endpoint.Exports)
            {
                var kind = NodeRead.String(export, "kind");
                if (kind is null)
                {
                    context.ReportMissing(export, "kind", $"an export needs a kind: {Names.List(Kinds)}");
                }
                else if (!Kinds.Contains(kind.Value))
                {
                    context.Report(kind, $"export kind \"{kind.Value}\" is not supported; allowed: {Names.List(Kinds)}{Names.DidYouMean(kind.Value, Kinds)}");
                }

                if (NodeRead.String(export, "name") is not { } name)
                {
                    context.ReportMissing(export, "name", "an export needs the name of the object to write");
                    continue;
                }

                // A Service name is a DNS label; ConfigMap and Secret names may hold dots.
                var valid = kind?.Value == "Service" ? Names.IsDnsLabel(name.Value) : Names.IsDnsSubdomain(name.Value);
                if (!valid)
                {
                    context.Report(name, $"export name \"{name.Value}\" is not a valid {kind?.Value ?? "object"} name: use lowercase letters, digits and '-'{(kind?.Value == "Service" ? string.Empty : " (and '.')")}");
                }
                else if (!seen.Add((kind?.Value ?? string.Empty, name.Value)))
                {
                    context.Report(name, $"export {kind?.Value} \"{name.Value}\" is written twice; export names must be unique");
                }
            }
        }
    }
}

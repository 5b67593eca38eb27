using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.name</c>: the name is a DNS-1123 label without dots.</summary>
public sealed class AddressSpaceNameRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceName;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "metadata.name is a DNS-1123 label: lowercase letters, digits and '-', at most 63 characters, no '.'";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        var name = subject.Name;
        if (name.Length == 0)
        {
            return;
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            context.Report(subject.NameNode, $"address space name \"{name}\" contains '.', which separates the address space from the address in Address and MessagingUser names; use '-' instead, e.g. \"{name.Replace('.', '-')}\"");
        }
        else if (!Names.IsDnsLabel(name))
        {
            var hint = name.Length > 63 ? "it has " + name.Length + " characters" : "use lowercase letters, digits and '-', starting and ending with a letter or digit";
            context.Report(subject.NameNode, $"address space name \"{name}\" is not a DNS-1123 label (at most 63 characters of a-z, 0-9 and '-'): {hint}");
        }
    }
}

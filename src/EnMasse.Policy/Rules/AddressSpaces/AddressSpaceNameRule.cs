using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.name</c>: the name is a DNS-1123 label of at most 60 characters, without dots.</summary>
public sealed class AddressSpaceNameRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceName;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "metadata.name is a DNS-1123 label of at most 60 characters (EnMasse's limit): lowercase letters, digits and '-', no '.'";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        NamespaceCheck.Check(subject, context);
        var name = subject.Name;
        if (name.Length == 0)
        {
            // generateName gives the name on create; without it (or with "", null, ~) kubectl refuses the object.
            if (NodeRead.String(subject.Resource.Metadata, "generateName") is not { Value.Length: > 0 })
            {
                context.Report(subject.NameNode, "AddressSpace needs metadata.name: a DNS-1123 label such as myspace (kubectl refuses an object without a name)");
            }

            return;
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            context.Report(subject.NameNode, $"address space name \"{name}\" contains '.', which separates the address space from the address in Address and MessagingUser names; use '-' instead, e.g. \"{name.Replace('.', '-')}\"");
        }
        else if (!Names.IsDnsLabel(name))
        {
            context.Report(subject.NameNode, $"address space name \"{name}\" is not a DNS-1123 label: use lowercase letters, digits and '-', starting and ending with a letter or digit");
        }
        else if (name.Length > ScopedNameCheck.MaxComponent)
        {
            context.Report(subject.NameNode, $"address space name \"{name}\" has {name.Length} characters; EnMasse allows at most {ScopedNameCheck.MaxComponent} (it keeps 3 of Kubernetes' 63 for pod names) and reports \"Invalid Kubernetes metadata name\"");
        }
    }
}

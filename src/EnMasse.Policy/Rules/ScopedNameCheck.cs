using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Rules;

/// <summary>The <c>&lt;addressspace&gt;.&lt;name&gt;</c> check that address.name and user.name share.</summary>
internal static class ScopedNameCheck
{
    public static void Check(TenantObject subject, string kind, RuleContext context)
    {
        var name = subject.Name;
        if (name.Length == 0)
        {
            var generate = NodeRead.String(subject.Resource.Metadata, "generateName");
            if (generate is not null && ScopedName.Split(generate.Value).Space is { } prefix && Names.IsDnsLabel(prefix))
            {
                return;
            }

            var at = (Documents.Node?)generate?.Node ?? subject.Resource.Metadata ?? (Documents.Node)subject.Root;
            context.Report(at, $"{kind} needs metadata.name of the form <addressspace>.<name>, e.g. myspace.{(kind == "Address" ? "queue1" : "user1")}");
            return;
        }

        var (space, local) = ScopedName.Split(name);
        if (space is null || local is null)
        {
            context.Report(subject.NameNode, $"{kind} name \"{name}\" must be <addressspace>.<name>, e.g. myspace.{name}");
        }
        else if (space.Length == 0)
        {
            context.Report(subject.NameNode, $"{kind} name \"{name}\" has an empty address space part before the '.'; write <addressspace>.<name>, e.g. myspace{name}");
        }
        else if (local.Length == 0)
        {
            context.Report(subject.NameNode, $"{kind} name \"{name}\" has an empty name part after the '.'; write <addressspace>.<name>, e.g. {name}{(kind == "Address" ? "queue1" : "user1")}");
        }
        else if (!Names.IsDnsLabel(space))
        {
            context.Report(subject.NameNode, $"{kind} name \"{name}\" starts with \"{space}\", which is not a valid address space name (a DNS-1123 label: lowercase letters, digits and '-')");
        }
    }
}

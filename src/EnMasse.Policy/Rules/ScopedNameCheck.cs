using System.Text.RegularExpressions;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;

namespace EnMasse.Policy.Rules;

/// <summary>The <c>&lt;addressspace&gt;.&lt;name&gt;</c> check that address.name and user.name share, with each kind's own limits.</summary>
internal static partial class ScopedNameCheck
{
    /// <summary>KubeUtil.isNameValid: 63 less room for a pod suffix.</summary>
    public const int MaxComponent = 60;

    public static void Check(TenantObject subject, string kind, RuleContext context)
    {
        NamespaceCheck.Check(subject, context);
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
        else if (kind == "MessagingUser" && context.Release.AtMost(30))
        {
            // EnMasse's own API server named users by this pattern; its space part must start with a letter.
            if (!LegacyUserName().IsMatch(name))
            {
                context.Report(subject.NameNode, $"MessagingUser name \"{name}\" is refused by {context.Release.Label}: it must match {LegacyUserName()} (the address space part starts with a letter)");
            }
        }
        else if (!Names.IsDnsSubdomain(name))
        {
            context.Report(subject.NameNode, $"{kind} name \"{name}\" is not a valid Kubernetes object name (a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit); the API server refuses it");
        }
        else if (!Names.IsDnsLabel(space))
        {
            context.Report(subject.NameNode, $"{kind} name \"{name}\" starts with \"{space}\", which is not a valid address space name (a DNS-1123 label: lowercase letters, digits and '-')");
        }
        else if (kind == "Address" && name.Split('.').FirstOrDefault(p => p.Length > MaxComponent) is { } tooLong)
        {
            context.Report(subject.NameNode, $"Address name part \"{tooLong}\" has {tooLong.Length} characters; EnMasse allows at most {MaxComponent} in each dot-separated part of an Address name (Address name component is invalid)");
        }
    }

    [GeneratedRegex("^[a-z]+([a-z0-9\\-]*[a-z0-9]+|[a-z0-9]*)\\.[a-z0-9]+([a-z0-9@.\\-]*[a-z0-9]+|[a-z0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyUserName();
}

/// <summary>The namespace an object is applied to is a DNS-1123 label, as the API server requires; reported by each kind's name rule.</summary>
internal static class NamespaceCheck
{
    public static void Check(TenantObject subject, RuleContext context)
    {
        if (Names.IsDnsLabel(subject.Namespace))
        {
            return;
        }

        var at = (Documents.Node?)subject.Resource.Metadata?.Get("namespace") ?? subject.NameNode;
        context.Report(at, $"namespace \"{subject.Namespace}\" is not a valid namespace name (a DNS-1123 label: at most 63 lowercase letters, digits and '-')");
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Tenants;

/// <summary><c>tenant.naming</c>: the AddressSpace's name matches the pattern its namespace's spec.tenants entry sets.</summary>
public sealed class TenantNamingRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.TenantNaming;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "the AddressSpace's name matches the regular expression addressSpaceNames of the namespace's spec.tenants entry (a platform convention)";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        if (subject.Name.Length == 0
            || context.Policy.TenantOf(subject.Namespace) is not { AddressSpaceNames: { } pattern } tenant
            || pattern.Matches(subject.Name))
        {
            return;
        }

        // The name is not quoted: the finding carries it, and a name can be long.
        context.Report(subject.NameNode, $"the address space's name does not match \"{pattern.Source}\", the addressSpaceNames pattern that {tenant.Label} sets for namespace \"{subject.Namespace}\"; rename the address space (a new name is a new space)");
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary>
/// <c>addressspace.realm-collision</c>: warns when the space's Keycloak realm is another space's.
/// EnMasse derives the realm from "&lt;namespace&gt;-&lt;name&gt;" cut to 60 characters and never
/// checks that it is free, so two long names can share one realm and its users.
/// </summary>
public sealed class AddressSpaceRealmCollisionRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceRealmCollision;

    public override Severity DefaultSeverity => Severity.Warning;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "the space's Keycloak realm (<namespace>-<name> cut to 60 characters) is not another space's";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        // An invalid name is addressspace.name's finding; its realm is beside the point.
        if (!Names.IsDnsLabel(subject.Name))
        {
            return;
        }

        var realm = RealmName.Of(subject.Namespace, subject.Name, subject.Annotation(ProtectedAnnotations.RealmName)?.Value);
        var other = context.Catalog.SpacesWithRealm(realm).FirstOrDefault(s => s.Namespace != subject.Namespace || s.Name != subject.Name);
        if (other is not null)
        {
            context.Report(subject.NameNode, $"address space \"{subject.Namespace}/{subject.Name}\" gets Keycloak realm \"{realm}\", which address space \"{other.Namespace}/{other.Name}\" has already (EnMasse cuts <namespace>-<name> to {RealmName.MaxLength} characters): the two would share one realm and its users; choose a shorter or different name");
        }
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary>
/// <c>addressspace.protected-annotation</c>: a tenant neither sets nor changes the annotations
/// EnMasse trusts (<see cref="ProtectedAnnotations"/>). EnMasse sets them itself, only when
/// absent, on its first pass over a new space; so an UPDATE that adds them is EnMasse's own (for
/// the realm, only with the value EnMasse derives), and anything else is a tenant's.
/// </summary>
public sealed class AddressSpaceProtectedAnnotationRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceProtectedAnnotation;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "a tenant does not set enmasse.io/realm-name or enmasse.io/infra-uuid, nor change them once EnMasse has: EnMasse trusts them to pick the Keycloak realm and the infrastructure";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        var old = context.Operation == Operation.Update ? context.Old as AddressSpaceObject : null;
        foreach (var key in ProtectedAnnotations.All)
        {
            var now = subject.Annotation(key);
            var before = old?.Annotation(key);
            if (before is not null)
            {
                if (now is null || now.Value != before.Value)
                {
                    var at = (Documents.Node?)now?.Node ?? subject.Annotations ?? subject.Resource.Metadata ?? (Documents.Node)subject.Root;
                    context.Report(at, $"annotation {key} was set by EnMasse and may not be {(now is null ? "removed" : "changed")}: {Why(key)}");
                }
            }
            else if (now is not null && (old is null || !EnMasseWouldSet(key, now.Value, subject)))
            {
                context.Report(now, $"annotation {key} is set by EnMasse, not by tenants: {Why(key)}. Remove it (an object exported from a cluster carries it: strip it before applying)");
            }
        }
    }

    /// <summary>EnMasse's own first pass adds the infra uuid it generated and the realm it derives.</summary>
    private static bool EnMasseWouldSet(string key, string value, AddressSpaceObject subject) =>
        key != ProtectedAnnotations.RealmName || value == RealmName.Derive(subject.Namespace, subject.Name);

    private static string Why(string key) => key == ProtectedAnnotations.RealmName
        ? "EnMasse uses it as the space's Keycloak realm, for its users and for the realm it deletes with the space, so a wrong value reaches another tenant's realm"
        : "EnMasse names the space's router, brokers and certificate secrets after it, so a wrong value reaches another space's infrastructure";
}

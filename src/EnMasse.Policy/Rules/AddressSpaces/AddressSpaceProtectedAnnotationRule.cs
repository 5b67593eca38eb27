using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary>
/// <c>addressspace.protected-annotation</c>: a tenant neither sets nor changes the annotations
/// EnMasse trusts (<see cref="ProtectedAnnotations"/>). EnMasse sets them itself, only when
/// absent, on its first pass over a new space; its controllers are trusted requesters
/// (spec.trustedRequesters), whose findings the engine waives, so this rule only meets tenants.
/// A value that disappears is not reported: kubectl apply keeps an annotation its file never set,
/// so a file without it changes nothing, and a real removal only makes EnMasse derive the space's
/// own values again.
/// </summary>
public sealed class AddressSpaceProtectedAnnotationRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceProtectedAnnotation;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "a tenant does not set or change enmasse.io/realm-name or enmasse.io/infra-uuid: EnMasse sets them and trusts them to pick the Keycloak realm and the infrastructure (trusted requesters, EnMasse itself, excepted)";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        var old = context.Operation == Operation.Update ? context.Old as AddressSpaceObject : null;
        foreach (var key in ProtectedAnnotations.All)
        {
            if (subject.Annotation(key) is not { } now)
            {
                continue;
            }

            var before = old?.Annotation(key);
            if (before is null)
            {
                context.Report(now, $"annotation {key} is set by EnMasse, not by tenants: {Why(key)}. Remove it (an object exported from a cluster carries it: strip it before applying)");
            }
            else if (before.Value != now.Value)
            {
                context.Report(now, $"annotation {key} was set by EnMasse and may not be changed: {Why(key)}");
            }
        }
    }

    private static string Why(string key) => key == ProtectedAnnotations.RealmName
        ? "EnMasse uses it as the space's Keycloak realm, for its users and for the realm it deletes with the space, so a wrong value reaches another tenant's realm"
        : "EnMasse names the space's router, brokers and certificate secrets after it, so a wrong value reaches another space's infrastructure";
}

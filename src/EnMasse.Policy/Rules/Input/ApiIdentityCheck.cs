using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Input;

/// <summary>
/// Before anything else: is the object one the release serves? kubectl or the API server refuse
/// an apiVersion EnMasse does not serve (enmasse.io/v1 of the REST era, the never-released
/// v1beta2 of the 1.0 proposals, v1alpha1 once CRDs replaced EnMasse's API server in 0.31) and
/// a misspelt kind, so such an object is reported and judged no further.
/// </summary>
public static class ApiIdentityCheck
{
    public enum Outcome
    {
        /// <summary>One of our kinds in a version the release serves: judge it.</summary>
        Served,

        /// <summary>A finding was reported; the object is judged no further.</summary>
        Reported,

        /// <summary>An object of EnMasse's groups that is none of our business (a kind we do not know and that is no near miss).</summary>
        NotOurs,
    }

    private static readonly string[] OurKinds = [.. Enum.GetNames<ResourceKind>().Where(k => k != nameof(ResourceKind.Foreign))];

    public static Outcome Check(Resource resource, EnMasseVersion release, List<RawFinding> findings)
    {
        KnownKinds.TrySplit(resource.ApiVersion, out var group, out var version);
        var apiVersionNode = resource.Root.Get("apiVersion") ?? resource.Root;
        if (resource.Kind != ResourceKind.Foreign)
        {
            if (!resource.Kind.IsTenant() || KnownKinds.ServedTenantVersions(release).Contains(version))
            {
                return Outcome.Served;
            }

            Report(findings, RuleIds.SchemaApiVersion, apiVersionNode, $"{release.Label} serves {resource.KindName} only as {group}/v1beta1: its CRDs replaced the {version} API that EnMasse's own API server served up to 0.30; use apiVersion {group}/v1beta1");
            return Outcome.Reported;
        }

        var kind = resource.KindName;
        if (kind.Length == 0)
        {
            Report(findings, RuleIds.SchemaKind, resource.Root, $"an object of {group} needs a kind, e.g. Address; kubectl refuses it without one");
            return Outcome.Reported;
        }

        if (KnownKinds.GroupOf(kind) is { } home)
        {
            var served = home == KnownKinds.AdminGroup ? "v1beta2 or v1beta1" : string.Join(" or ", KnownKinds.ServedTenantVersions(release));
            Report(findings, RuleIds.SchemaApiVersion, apiVersionNode, home != group
                ? $"{kind} belongs to API group {home}, not {group}; use apiVersion {home}/v1beta1"
                : $"{release.Label} does not serve {kind} as {resource.ApiVersion}{(version is "v1" or "v1beta2" && home != KnownKinds.AdminGroup ? " (no release 0.26-0.33 did)" : string.Empty)}; it serves {home}/{served}");
            return Outcome.Reported;
        }

        var nearest = OurKinds.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase))
            ?? OurKinds.Select(k => (Kind: k, Distance: NearestName.Distance(kind, k))).Where(c => c.Distance <= 2).OrderBy(c => c.Distance).Select(c => c.Kind).FirstOrDefault();
        if (nearest is null)
        {
            return Outcome.NotOurs;
        }

        Report(findings, RuleIds.SchemaKind, resource.Root.Get("kind") ?? resource.Root, $"kind \"{kind}\" is not a kind of {group}; did you mean \"{nearest}\"?");
        return Outcome.Reported;
    }

    private static void Report(List<RawFinding> findings, string rule, Documents.Node at, string message) =>
        findings.Add(new RawFinding(rule, at.Path, at.Start, message));
}

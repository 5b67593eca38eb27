using EnMasse.Policy.Catalog;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Audit;

/// <summary>
/// Judges objects that already exist, for <c>enmasse-policy audit</c> and the webhook's
/// background audit alike. Each object is an UPDATE of itself with ratcheting off: the immutable
/// fields compare equal, and nothing the object already had is waived, so the findings are what
/// is wrong with it now. A finding names its object (<c>namespace/Kind/name</c>) and path, not a
/// line: stored objects have no file.
/// </summary>
public static class Auditor
{
    /// <summary>What counts name the audited objects read from the cluster (<see cref="ICatalog.Origin"/>).</summary>
    public const string ClusterOrigin = "the cluster";

    /// <summary>What counts name the audited objects read from snapshot files.</summary>
    public const string SnapshotOrigin = "the snapshot";

    /// <summary>How a finding names an audited object, in every format and both doors.</summary>
    public static string ObjectName(Resource resource) => $"{resource.Namespace}/{resource.Kind}/{resource.Name}";

    /// <summary>
    /// What exists for an audit: the policy's plans, the cluster's published objects over them
    /// (unless <paramref name="plans"/> is <see cref="PlanSource.Policy"/>), and the tenant objects.
    /// </summary>
    /// <param name="origin">Where the objects come from, as counts name it: <see cref="ClusterOrigin"/> or <see cref="SnapshotOrigin"/>.</param>
    public static CatalogSnapshot Catalog(PolicyBundle bundle, IEnumerable<Resource> objects, PlanSource plans, string origin = ClusterOrigin)
    {
        var builder = new CatalogBuilder(bundle.Published);
        builder.AddRange(objects.Where(o => o.Kind.IsTenant() || plans == PlanSource.Cluster));
        return builder.WithOrigin(origin).Build();
    }

    /// <summary>Judges every tenant object of <paramref name="objects"/> against <paramref name="catalog"/>, in namespace, kind and name order.</summary>
    public static BatchResult Judge(PolicyEngine engine, ICatalog catalog, IEnumerable<Resource> objects, EnforcementPoint point)
    {
        var findings = new List<Finding>();
        var judged = new List<CheckedResource>();
        var ordered = objects
            .Where(o => o.Kind.IsTenant() && o.Name.Length > 0)
            .OrderBy(o => o.Namespace, StringComparer.Ordinal)
            .ThenBy(o => o.Kind)
            .ThenBy(o => o.Name, StringComparer.Ordinal);
        foreach (var resource in ordered)
        {
            var request = new EvaluationRequest(resource.Root, Operation.Update, resource.Root, resource.Namespace, point, ObjectName(resource)) { Ratchet = false };
            var decision = engine.Evaluate(request, catalog);
            // A position would be one of whatever text the object was read from (a snapshot), not of the object.
            decision = decision with { Findings = [.. decision.Findings.Select(f => f with { Line = 0, Column = 0 })] };
            judged.Add(new CheckedResource(resource, Operation.Update, decision));
            findings.AddRange(decision.Findings);
        }

        findings.Sort(Finding.Order);
        return new BatchResult(findings, judged, Files: 0, SkippedFiles: 0);
    }
}

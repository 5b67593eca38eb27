using EnMasse.Cli.Cluster;
using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
using EnMasse.Policy.Audit;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary>One audit: load the policies, read the objects, judge them, print the report or the impact, and give the exit code.</summary>
internal sealed class AuditRun(CliConsole console, AuditSources sources, EnMasseVersion? release)
{
    /// <summary>How the report is printed.</summary>
    public sealed record Rendering(string Format, string? File, bool Strict, bool NoColor);

    private readonly List<Note> _notes = [];
    private readonly List<Note> _unreadableNotes = [];
    private readonly List<string> _unreadable = [];

    public int Execute(string? policies, string? compareTo, PlanSource plans, IReadOnlyList<string> snapshot, string? ns, string? infraNamespace, EnforcementPoint point, Rendering rendering)
    {
        var proposed = Load(policies, plans, point);
        var current = compareTo is null ? null : Load(compareTo, plans, point);
        if (proposed is null || (compareTo is not null && current is null))
        {
            return ExitCodes.Usage;
        }

        var infra = infraNamespace ?? proposed.Value.Bundle.Policy.InfraNamespace;
        var (objects, source, error) = snapshot.Count > 0 ? FromSnapshot(snapshot, ns) : FromCluster(ns, infra, plans);
        if (objects is null)
        {
            return CheckInputs.Usage(console, "audit", error!);
        }

        var origin = snapshot.Count > 0 ? Auditor.SnapshotOrigin : Auditor.ClusterOrigin;
        var result = Judge(proposed.Value.Bundle, objects, plans, point, origin);
        var incomplete = _unreadable.Count > 0;
        if (rendering.Format != "text" || rendering.File is not null)
        {
            // Text on standard output already has these lines on standard error; elsewhere the report must carry them.
            _notes.AddRange(_unreadableNotes);
        }

        string rendered;
        string summary;
        int exit;
        if (current is { } before)
        {
            var impact = AuditImpact.Compare(Judge(before.Bundle, objects, plans, point, origin), result);
            var sides = new ImpactFormatter.Sides(before.Shown, proposed.Value.Shown, source);
            rendered = ImpactFormatter.Format(rendering.Format, impact, sides, _notes);
            summary = ImpactFormatter.Summary(impact, sides);
            exit = incomplete ? ExitCodes.Incomplete : impact.NewlyFailing > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        }
        else
        {
            var namespaces = result.Resources.Select(r => r.Resource.Namespace).Distinct(StringComparer.Ordinal).Count();
            var report = new Report(result, _notes, new AuditScope(source, namespaces, _unreadable, proposed.Value.Bundle.Policy.Name, point));
            var color = rendering.File is null && !rendering.NoColor && console.OutIsTerminal && string.IsNullOrEmpty(console.Environment("NO_COLOR"));
            rendered = OutputFormat.Render(rendering.Format, report, color);
            summary = TextFormatter.Summary(report);
            var failed = result.Errors > 0 || (rendering.Strict && result.Warnings > 0);
            exit = incomplete ? ExitCodes.Incomplete : failed ? ExitCodes.Findings : ExitCodes.Ok;
        }

        return ReportWriter.Write(console, "audit", rendered, rendering.File, summary) ?? exit;
    }

    private static BatchResult Judge(PolicyBundle bundle, IReadOnlyList<Resource> objects, PlanSource plans, EnforcementPoint point, string origin) =>
        Auditor.Judge(new PolicyEngine(bundle), Auditor.Catalog(bundle, objects, plans, origin), objects, point);

    /// <summary>A policy and the name to show for it, or null when it does not load (the findings are printed on standard error).</summary>
    private (PolicyBundle Bundle, string Shown)? Load(string? option, PlanSource plans, EnforcementPoint point)
    {
        var (result, shown, note) = sources.Policy(option);
        if (!result.Succeeded)
        {
            FindingPrinter.Stop(console.Error, $"enmasse-policy audit: the policy {shown} does not load:", result.Findings);
            return null;
        }

        if (note is not null)
        {
            _notes.Add(note);
        }

        var bundle = result.Bundle!;
        if (release is { } version)
        {
            bundle = bundle with { Policy = bundle.Policy.ForVersion(version) };
        }

        var decides = plans == PlanSource.Cluster ? "the cluster's published plans over the policy's" : "the policy's plans alone";
        _notes.Add(Note.Info($"judged by {shown} (AdmissionPolicy \"{bundle.Policy.Name}\") as {bundle.Policy.EnMasseVersion.Label} at its {point.ToName()} severities; plans: {decides}"));
        return (bundle, shown);
    }

    private (IReadOnlyList<Resource>? Objects, string Source, string? Error) FromSnapshot(IReadOnlyList<string> paths, string? ns)
    {
        var (objects, error) = sources.Snapshot(paths);
        if (objects is null)
        {
            return (null, string.Empty, error);
        }

        var shown = string.Join(", ", paths.Take(3)) + (paths.Count > 3 ? ", ..." : string.Empty);
        return ([.. objects.Where(o => ns is null || !o.Kind.IsTenant() || o.Namespace == ns)], $"snapshot {shown}", null);
    }

    private (IReadOnlyList<Resource>? Objects, string Source, string? Error) FromCluster(string? ns, string infra, PlanSource plans)
    {
        var read = sources.Read(ns, infra, plans == PlanSource.Cluster);
        var tenantApi = ApiResource.Tenants.Where(r => r.Group == "enmasse.io").ToList();
        if (tenantApi.All(r => read.Unreadable.Any(u => u.Resource == r && u.Status == 404)))
        {
            return (null, string.Empty, $"this cluster does not serve enmasse.io/v1beta1 (AddressSpace, Address) ({sources.Connection.Description}): EnMasse is not installed, is older than 0.27, or the kubeconfig points at another cluster");
        }

        foreach (var unreadable in read.Unreadable)
        {
            var consequence = unreadable.Resource.Published
                ? $"the policy's {unreadable.Resource.Kind}s stand in for the cluster's"
                : $"its objects are not audited, and rules that look {unreadable.Resource.Kind}s up judge without them";
            console.Error.WriteLine($"enmasse-policy audit: cannot read {unreadable.Line}; {consequence}");
            _unreadableNotes.Add(Note.Warn($"cannot read {unreadable.Line}; {consequence}"));
            _unreadable.Add(unreadable.Line);
        }

        foreach (var (resource, count) in read.Restarts)
        {
            _notes.Add(Note.Info($"the list of {resource} was started again {count} time{(count == 1 ? string.Empty : "s")}: its continue token expired while paging (410 Gone)"));
        }

        if (read.TenantApi == TenantApi.Aggregated)
        {
            _notes.Add(Note.Info("enmasse.io/v1beta1 is served by EnMasse's aggregated API server (EnMasse 0.27-0.30): no admission webhook sees its writes, so this audit is the check there"));
        }

        return (read.Objects, sources.Connection.Description, null);
    }
}

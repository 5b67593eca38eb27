using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Audit;

/// <summary>How one object's verdict moves from the current policy to the new one.</summary>
public enum ImpactChange
{
    /// <summary>No error before, an error now: the new policy would deny its next change.</summary>
    NewlyFails,

    /// <summary>An error before, none now.</summary>
    NewlyPasses,

    /// <summary>Fails under both, with different errors.</summary>
    StillFailsDifferently,

    /// <summary>The verdict is the same and only warnings (or exemptions) differ.</summary>
    WarningsChanged,
}

/// <summary>One object whose findings differ between the two policies: what it had and what it has.</summary>
public sealed record ObjectImpact(string Object, string Kind, string Namespace, string Name, ImpactChange Change, IReadOnlyList<Finding> Before, IReadOnlyList<Finding> After)
{
    /// <summary>Findings only the new policy reports.</summary>
    public IReadOnlyList<Finding> Added => [.. After.Where(a => !Before.Any(b => AuditImpact.Same(a, b)))];

    /// <summary>Findings only the current policy reported.</summary>
    public IReadOnlyList<Finding> Removed => [.. Before.Where(b => !After.Any(a => AuditImpact.Same(a, b)))];
}

/// <summary>
/// The difference of two audits of the same objects: the current policy's and a new one's. Objects
/// are matched by name; findings by rule, path, severity, exemption and message.
/// </summary>
public sealed record AuditImpact(IReadOnlyList<ObjectImpact> Changed, int Objects, int FailBoth, int FailBefore, int FailAfter)
{
    public int NewlyFailing => Changed.Count(c => c.Change == ImpactChange.NewlyFails);

    public int NewlyPassing => Changed.Count(c => c.Change == ImpactChange.NewlyPasses);

    public static AuditImpact Compare(BatchResult current, BatchResult proposed)
    {
        var before = current.Resources.ToDictionary(r => Auditor.ObjectName(r.Resource), r => r.Decision.Findings, StringComparer.Ordinal);
        var changed = new List<ObjectImpact>();
        int failBoth = 0, failBefore = 0, failAfter = 0;
        foreach (var checkedResource in proposed.Resources)
        {
            var resource = checkedResource.Resource;
            var name = Auditor.ObjectName(resource);
            var had = before.GetValueOrDefault(name) ?? [];
            var has = checkedResource.Decision.Findings;
            var failedBefore = had.Any(f => f.Denies);
            var failsNow = has.Any(f => f.Denies);
            failBefore += failedBefore ? 1 : 0;
            failAfter += failsNow ? 1 : 0;
            failBoth += failedBefore && failsNow ? 1 : 0;
            if (had.Count == has.Count && had.All(b => has.Any(a => Same(a, b))))
            {
                continue;
            }

            var change = (failedBefore, failsNow) switch
            {
                (false, true) => ImpactChange.NewlyFails,
                (true, false) => ImpactChange.NewlyPasses,
                (true, true) when !SameErrors(had, has) => ImpactChange.StillFailsDifferently,
                _ => ImpactChange.WarningsChanged,
            };
            changed.Add(new ObjectImpact(name, resource.Kind.ToString(), resource.Namespace, resource.Name, change, had, has));
        }

        return new AuditImpact(changed, proposed.Resources.Count, failBoth, failBefore, failAfter);
    }

    internal static bool Same(Finding a, Finding b) =>
        a.Rule == b.Rule && a.Path == b.Path && a.Severity == b.Severity && a.Exempted == b.Exempted && a.Message == b.Message;

    private static bool SameErrors(IReadOnlyList<Finding> had, IReadOnlyList<Finding> has)
    {
        var before = had.Where(f => f.Denies).ToList();
        var after = has.Where(f => f.Denies).ToList();
        return before.Count == after.Count && before.All(b => after.Any(a => Same(a, b)));
    }
}

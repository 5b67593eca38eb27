using EnMasse.Policy.Defaults;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>
/// The engine's verdict on one object: findings, the defaults' patch and the object as it
/// will be stored. <see cref="Applies"/> is false for kinds this product does not judge.
/// </summary>
public sealed record Decision(
    bool Applies,
    bool Allowed,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<PatchOperation> Patch,
    Resource? Resource)
{
    public static Decision NotApplicable { get; } = new(false, true, [], [], null);

    /// <summary>The policy entry that trusted the requester, when one did and errors were waived for it (for the log).</summary>
    public string? TrustedBy { get; init; }

    /// <summary>An UPDATE the engine does not judge (see <see cref="UpdateScope"/>): allowed, nothing found, nothing patched.</summary>
    public static Decision Unjudged(Resource resource) => new(true, true, [], [], resource);

    public IEnumerable<Finding> Errors => Findings.Where(f => f.Denies);

    public IReadOnlyList<string> AppliedDefaults => [.. Patch.Select(p => p.DefaultId).Distinct()];

    /// <summary>The object's namespace and name as findings show them: escaped, bounded, secrets blanked (a name may hold a password too).</summary>
    public (string Namespace, string Name) Shown { get; init; } = (string.Empty, string.Empty);
}

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

    public IEnumerable<Finding> Errors => Findings.Where(f => f.Denies);

    public IReadOnlyList<string> AppliedDefaults => [.. Patch.Select(p => p.DefaultId).Distinct()];
}

using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>
/// Ratcheting on UPDATE, with the semantics of Kubernetes' CRD validation ratcheting: an error
/// whose rule and path the stored object already had, with the same value at that path (both
/// absent counts), was not introduced by this update and does not deny it. The stored object is
/// judged as a CREATE under the same policy and catalogue, so rules about the change itself
/// (the immutable fields) never fire for it and can never be waived.
/// </summary>
internal static class Ratchet
{
    public const string Reason = "already there before this update, not enforced";

    public static Decision Apply(Decision updated, Decision stored)
    {
        var before = stored.Findings.Select(f => (f.Rule, f.Path)).ToHashSet();
        if (updated.Resource is null || stored.Resource is null || !updated.Errors.Any(f => before.Contains((f.Rule, f.Path))))
        {
            return updated;
        }

        var now = NodeEquality.ByPath(updated.Resource.Root);
        var then = NodeEquality.ByPath(stored.Resource.Root);
        var findings = updated.Findings
            .Select(f => f.Denies && before.Contains((f.Rule, f.Path)) && NodeEquality.Same(now.GetValueOrDefault(f.Path), then.GetValueOrDefault(f.Path))
                ? f.Waive(Waiver.PreExisting, Reason)
                : f)
            .ToList();
        return updated with { Findings = findings, Allowed = !findings.Any(f => f.Denies) };
    }
}

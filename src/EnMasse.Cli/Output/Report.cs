using EnMasse.Policy.Engine;

namespace EnMasse.Cli.Output;

/// <summary>What every output format renders: the engine's verdict on the files (or, for an audit, on the objects read and its <see cref="AuditScope"/>), and the run's notes.</summary>
internal sealed record Report(BatchResult Result, IReadOnlyList<Note> Notes, AuditScope? Audit = null)
{
    /// <summary>One result from the verdicts of groups judged apart (plain files, each kustomize build), findings in their order.</summary>
    public static BatchResult Merge(IReadOnlyList<BatchResult> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var findings = parts.SelectMany(p => p.Findings).ToList();
        findings.Sort(Policy.Vocabulary.Finding.Order);
        return new BatchResult(findings, [.. parts.SelectMany(p => p.Resources)], parts.Sum(p => p.Files), parts.Sum(p => p.SkippedFiles));
    }
}

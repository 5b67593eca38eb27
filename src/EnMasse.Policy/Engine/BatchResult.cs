using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>The verdict on a set of files, as the offline check reports it.</summary>
public sealed record BatchResult(IReadOnlyList<Finding> Findings, IReadOnlyList<CheckedResource> Resources, int Files, int SkippedFiles)
{
    public int Errors => Findings.Count(f => f.Denies);

    public int Warnings => Findings.Count(f => f.Warns);

    public int Exempted => Findings.Count(f => f.Exempted);
}

using EnMasse.Policy.Documents;
using EnMasse.Policy.Findings;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;

namespace EnMasse.Policy.Engine;

/// <summary>One object of a checked file and its verdict.</summary>
public sealed record CheckedResource(Resource Resource, Operation Operation, Decision Decision);

/// <summary>The verdict on a set of files, as the offline check reports it.</summary>
public sealed record BatchResult(IReadOnlyList<Finding> Findings, IReadOnlyList<CheckedResource> Resources, int Files, int SkippedFiles)
{
    public int Errors => Findings.Count(f => f.Denies);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning && !f.Exempted);

    public int Exempted => Findings.Count(f => f.Exempted);
}

/// <summary>
/// The offline check: judges every EnMasse object of a set of files exactly as the webhook
/// would judge it on apply. Objects of the checked files exist for each other (an Address may
/// name an AddressSpace of the same change); an object found in the catalogue files is its
/// stored version, so the file's object is judged as an UPDATE against it.
/// </summary>
public static class BatchValidator
{
    public const string DefaultNamespace = "default";

    public static BatchResult Validate(
        PolicyBundle bundle,
        IReadOnlyList<ReadResult> files,
        IReadOnlyList<ReadResult> catalogFiles,
        string? @namespace,
        EnforcementPoint point = EnforcementPoint.Ci)
    {
        var check = new OfflineCheck(bundle, files, catalogFiles, @namespace, point);
        var findings = new List<Finding>();
        var checkedResources = new List<CheckedResource>();
        var skipped = 0;
        foreach (var file in files)
        {
            findings.AddRange(file.FileFindings);
            var found = Resources(file, check.Namespace).ToList();
            if (found.Count == 0 && file.FileFindings.Count == 0)
            {
                skipped++;
            }

            foreach (var (document, resource) in found)
            {
                var result = check.Evaluate(document, resource);
                checkedResources.Add(result);
                findings.AddRange(result.Decision.Findings);
            }
        }

        findings.Sort(Finding.Order);
        return new BatchResult(findings, checkedResources, files.Count, skipped);
    }

    /// <summary>The EnMasse objects of a file, lists expanded; other documents are not ours and are passed over.</summary>
    public static IEnumerable<(SourceDocument Document, Resource Resource)> Resources(ReadResult file, string @namespace)
    {
        foreach (var document in file.Documents.SelectMany(ListExpander.Expand))
        {
            if (Resource.From(document.Root, @namespace, document.File) is { } resource)
            {
                yield return (document, resource);
            }
        }
    }
}

using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>
/// The offline check: judges every EnMasse object of a set of files exactly as the webhook
/// would judge it on apply. Objects of the checked files exist for each other (an Address may
/// name an AddressSpace of the same change); an object found in the catalogue files is its
/// stored version, so the file's object is judged as an UPDATE against it.
/// </summary>
public static class BatchValidator
{
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
            var judged = 0;
            foreach (var (document, resource) in Resource.AllIn(file, check.Namespace, withForeign: true))
            {
                var result = check.Evaluate(document, resource);
                if (!result.Decision.Applies)
                {
                    continue;
                }

                judged++;
                checkedResources.Add(result);
                findings.AddRange(result.Decision.Findings);
            }

            if (judged == 0 && file.FileFindings.Count == 0)
            {
                skipped++;
            }
        }

        findings.Sort(Finding.Order);
        return new BatchResult(findings, checkedResources, files.Count, skipped);
    }
}

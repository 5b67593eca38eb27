using EnMasse.Policy.Findings;

namespace EnMasse.Policy.Documents;

/// <summary>One document of a file (or one item of a List), with what its reader noticed.</summary>
public sealed record SourceDocument(string? File, Node Root, IReadOnlyList<RawFinding> Problems);

/// <summary>What a reader produced for one file: its documents, and findings that belong to no document.</summary>
public sealed record ReadResult(string File, IReadOnlyList<SourceDocument> Documents, IReadOnlyList<Finding> FileFindings)
{
    public bool HasSyntaxError => FileFindings.Any(f => f.Rule == RuleIds.YamlSyntax);
}

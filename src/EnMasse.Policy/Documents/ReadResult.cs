using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>What a reader produced for one file: its documents, and findings that belong to no document.</summary>
public sealed record ReadResult(string File, IReadOnlyList<SourceDocument> Documents, IReadOnlyList<Finding> FileFindings)
{
    public bool HasSyntaxError => FileFindings.Any(f => f.Rule == RuleIds.YamlSyntax);
}

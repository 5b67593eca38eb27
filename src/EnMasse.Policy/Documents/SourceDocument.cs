using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Documents;

/// <summary>One document of a file (or one item of a List), with what its reader noticed.</summary>
public sealed record SourceDocument(string? File, Node Root, IReadOnlyList<RawFinding> Problems);

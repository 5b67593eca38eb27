using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>
/// One object to judge, as either door hands it over: the tree (positioned when it came from a
/// file), the operation, the stored version on UPDATE, the namespace it is applied to and
/// where the judgement is enforced.
/// </summary>
public sealed record EvaluationRequest(
    Node? Object,
    Operation Operation,
    Node? OldObject,
    string Namespace,
    EnforcementPoint Point,
    string? File = null,
    IReadOnlyList<RawFinding>? ReaderProblems = null)
{
    public static EvaluationRequest ForDocument(SourceDocument document, Operation operation, Node? old, string @namespace, EnforcementPoint point) =>
        new(document.Root, operation, old, @namespace, point, document.File, document.Problems);
}

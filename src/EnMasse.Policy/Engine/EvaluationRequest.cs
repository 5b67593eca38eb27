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
    /// <summary>
    /// How an UPDATE with a stored version is judged. On (the default), it is judged on what it
    /// changes: an update that touches no spec and no protected annotation, or of an object being
    /// deleted, is allowed without evaluation, and an error the stored object already had at the
    /// same rule, path and value comes back as a warning. Off, the new object is judged whole, as
    /// an audit of stored objects judges them.
    /// </summary>
    public bool Ratchet { get; init; } = true;

    /// <summary>Who asks (the review's userInfo); null offline. A requester the policy trusts is never denied.</summary>
    public Requester? Requester { get; init; }

    /// <summary>
    /// The mutating side's question: only the defaults and their patch, the same as a full
    /// evaluation makes, without the schema walk, the rules and the findings, which the
    /// mutating webhook would drop (the validating one gives the verdict).
    /// </summary>
    public bool DefaultsOnly { get; init; }

    public static EvaluationRequest ForDocument(SourceDocument document, Operation operation, Node? old, string @namespace, EnforcementPoint point) =>
        new(document.Root, operation, old, @namespace, point, document.File, document.Problems);
}

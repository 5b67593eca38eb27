using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules;

/// <summary>What a rule may look at, and where it reports.</summary>
public sealed class RuleContext(
    TenantObject subject,
    TenantObject? old,
    Operation operation,
    ICatalog catalog,
    AdmissionPolicy policy,
    List<RawFinding> findings)
{
    private string _rule = string.Empty;

    public TenantObject Subject { get; } = subject;

    /// <summary>The stored version on UPDATE; null otherwise.</summary>
    public TenantObject? Old { get; } = old;

    public Operation Operation { get; } = operation;

    /// <summary>
    /// Whether an UPDATE is judged on what it changes (admission, validate), so a rule may let
    /// pass what the update only keeps. False in an audit, where each stored object is an UPDATE
    /// of itself: what it keeps is what is wrong with it now, and is judged like anything else.
    /// </summary>
    public bool Ratchets { get; init; } = true;

    /// <summary>An UPDATE that a rule may let pass for what it keeps from the stored version (never in an audit).</summary>
    public bool KeepsFrom<T>(out T old)
        where T : TenantObject
    {
        old = (Ratchets && Operation == Operation.Update ? Old as T : null)!;
        return old is not null;
    }

    public ICatalog Catalog { get; } = catalog;

    public AdmissionPolicy Policy { get; } = policy;

    /// <summary>The EnMasse release the object is judged for.</summary>
    public EnMasseVersion Release => Policy.EnMasseVersion;

    /// <summary>
    /// Whether a text holds a secret of the object in any form. A rule never builds a suggestion
    /// from such a text: the engine blanks secrets from messages, but a derived form could slip by.
    /// </summary>
    public Func<string, bool> HoldsSecret { get; init; } = _ => false;

    internal void Begin(string rule) => _rule = rule;

    /// <summary>Reports at a node's value.</summary>
    public void Report(Node at, string message, Severity? severity = null) =>
        findings.Add(new RawFinding(_rule, at.Path, at.Start, message, severity));

    public void Report(Text at, string message, Severity? severity = null) => Report(at.Node, message, severity);

    /// <summary>
    /// Reports a missing field at the key of the mapping that should hold it. A field that is
    /// present with a value of the wrong type is not missing: schema.type has reported it.
    /// </summary>
    public void ReportMissing(Node parent, string key, string message)
    {
        if (parent is MappingNode mapping && NodeRead.Has(mapping, key))
        {
            return;
        }

        findings.Add(new RawFinding(_rule, NodePath.Child(parent.Path, key), parent.KeyStart, message));
    }
}

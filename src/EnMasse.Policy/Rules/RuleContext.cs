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

    public ICatalog Catalog { get; } = catalog;

    public AdmissionPolicy Policy { get; } = policy;

    /// <summary>The EnMasse release the object is judged for.</summary>
    public EnMasseVersion Release => Policy.EnMasseVersion;

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

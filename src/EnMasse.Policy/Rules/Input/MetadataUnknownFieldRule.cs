using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Input;

/// <summary><c>metadata.unknown-field</c>: reported by the schema walker for keys under metadata that Kubernetes' ObjectMeta lacks.</summary>
public sealed class MetadataUnknownFieldRule : InputRule
{
    public override string Id => RuleIds.MetadataUnknownField;

    public override Severity DefaultSeverity => Severity.Warning;

    public override bool Fixed => false;

    public override string Summary => "a key under metadata that Kubernetes' ObjectMeta does not define; the API server drops it (Address's metadata.addressSpace belongs to EnMasse's own model up to 0.30)";
}

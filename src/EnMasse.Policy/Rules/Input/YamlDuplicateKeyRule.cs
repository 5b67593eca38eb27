using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Rules.Input;

/// <summary><c>yaml.duplicate-key</c>: reported by the readers and the schema walker.</summary>
public sealed class YamlDuplicateKeyRule : InputRule
{
    public override string Id => RuleIds.YamlDuplicateKey;

    public override bool Fixed => false;

    public override string Summary => "a mapping repeats a key; tools disagree on which copy wins";
}

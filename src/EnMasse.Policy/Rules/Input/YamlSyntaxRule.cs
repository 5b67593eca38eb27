using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Rules.Input;

/// <summary><c>yaml.syntax</c>: reported by the readers and the schema walker.</summary>
public sealed class YamlSyntaxRule : InputRule
{
    public override string Id => RuleIds.YamlSyntax;

    public override bool Fixed => true;

    public override string Summary => "the file is not well-formed YAML or JSON, or passes a reader limit (depth, size, aliases)";
}

using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Rules.Input;

/// <summary><c>schema.unknown-field</c>: reported by the readers and the schema walker.</summary>
public sealed class SchemaUnknownFieldRule : InputRule
{
    public override string Id => RuleIds.SchemaUnknownField;

    public override bool Fixed => false;

    public override string Summary => "a field the kind does not define in the release; EnMasse stores it and ignores it, so a typo such as spec.plna silently loses the setting";
}

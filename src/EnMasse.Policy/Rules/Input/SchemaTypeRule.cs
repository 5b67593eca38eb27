using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Rules.Input;

/// <summary><c>schema.type</c>: reported by the readers and the schema walker.</summary>
public sealed class SchemaTypeRule : InputRule
{
    public override string Id => RuleIds.SchemaType;

    public override bool Fixed => false;

    public override string Summary => "a value of the wrong type";
}

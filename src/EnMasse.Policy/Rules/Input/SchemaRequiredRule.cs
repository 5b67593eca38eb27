using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Rules.Input;

/// <summary><c>schema.required</c>: reported by the readers and the schema walker.</summary>
public sealed class SchemaRequiredRule : InputRule
{
    public override string Id => RuleIds.SchemaRequired;

    public override bool Fixed => true;

    public override string Summary => "a required field is missing";
}

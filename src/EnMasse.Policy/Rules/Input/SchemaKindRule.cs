using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Input;

/// <summary><c>schema.kind</c>: reported by <see cref="ApiIdentityCheck"/>.</summary>
public sealed class SchemaKindRule : InputRule
{
    public override string Id => RuleIds.SchemaKind;

    public override bool Fixed => true;

    public override string Summary => "an object of an EnMasse API group without a kind or with a misspelt one (e.g. Adress)";
}

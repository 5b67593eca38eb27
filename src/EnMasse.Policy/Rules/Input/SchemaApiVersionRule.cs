using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Input;

/// <summary><c>schema.api-version</c>: reported by <see cref="ApiIdentityCheck"/>.</summary>
public sealed class SchemaApiVersionRule : InputRule
{
    public override string Id => RuleIds.SchemaApiVersion;

    public override bool Fixed => true;

    public override string Summary => "an EnMasse kind in an apiVersion the release does not serve (enmasse.io/v1, v1beta2; v1alpha1 from 0.31) or of the wrong API group";
}

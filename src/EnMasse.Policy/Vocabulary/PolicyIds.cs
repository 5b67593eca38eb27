namespace EnMasse.Policy.Vocabulary;

/// <summary>Ids of findings about the policy files themselves (not tenant rules).</summary>
public static class PolicyIds
{
    /// <summary>A policy file is missing, or holds something that does not belong there.</summary>
    public const string File = "policy.file";

    /// <summary>A name in the policy refers to nothing: an address plan, a rule, an authentication service.</summary>
    public const string Reference = "policy.reference";

    /// <summary>A value the schema admits but the field cannot take: a glob where none is allowed, a group that holds everyone.</summary>
    public const string Value = "policy.value";
}

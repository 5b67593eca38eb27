namespace EnMasse.Policy.Vocabulary;

/// <summary>Ids of findings about the policy files themselves (not tenant rules).</summary>
public static class PolicyIds
{
    /// <summary>A policy file is missing, or holds something that does not belong there.</summary>
    public const string File = "policy.file";

    /// <summary>A name in the policy refers to nothing: an address plan, a rule, an authentication service.</summary>
    public const string Reference = "policy.reference";
}

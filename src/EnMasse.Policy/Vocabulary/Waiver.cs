namespace EnMasse.Policy.Vocabulary;

/// <summary>Why an error finding was turned into a warning that does not deny.</summary>
public enum Waiver
{
    /// <summary>The stored object already had it at the same rule, path and value: the update did not introduce it.</summary>
    PreExisting,

    /// <summary>The requester is one the policy trusts (spec.trustedRequesters): EnMasse itself, say.</summary>
    TrustedRequester,
}

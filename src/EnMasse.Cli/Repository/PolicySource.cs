namespace EnMasse.Cli.Repository;

/// <summary>Names of policy sources that are not directories.</summary>
internal static class PolicySource
{
    /// <summary>--policies builtin: the policy compiled into enmasse-policy.</summary>
    public const string BuiltIn = "builtin";
}

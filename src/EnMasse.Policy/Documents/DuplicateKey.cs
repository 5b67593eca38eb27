using EnMasse.Policy.Vocabulary;


namespace EnMasse.Policy.Documents;

/// <summary>The yaml.duplicate-key finding, worded once for every reader.</summary>
internal static class DuplicateKey
{
    /// <param name="first">Where the earlier copy stands, when the text is known.</param>
    public static RawFinding Finding(string parentPath, string key, Position at, Position first)
    {
        var where = first.IsKnown ? $" (first at line {first.Line})" : string.Empty;
        return new RawFinding(RuleIds.YamlDuplicateKey, NodePath.Child(parentPath, key), at, $"key \"{key}\" is repeated{where}; tools disagree on which copy wins: keep only one");
    }
}

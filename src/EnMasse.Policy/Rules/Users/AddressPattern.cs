namespace EnMasse.Policy.Rules.Users;

/// <summary>Address patterns of authorization entries: a literal, optionally ending in one '*'.</summary>
internal static class AddressPattern
{
    public static string? Problem(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "is empty; name an address or a prefix ending in *";
        }

        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        return star >= 0 && star != pattern.Length - 1
            ? "uses '*' before its end; '*' is only allowed as a trailing wildcard, e.g. orders*"
            : null;
    }

    public static bool Matches(string pattern, string address) =>
        pattern.EndsWith('*') ? address.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == address;
}

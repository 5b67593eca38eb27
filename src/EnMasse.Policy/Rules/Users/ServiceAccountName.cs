namespace EnMasse.Policy.Rules.Users;

/// <summary>Parses <c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>.</summary>
internal static class ServiceAccountName
{
    private const string Prefix = "system:serviceaccount:";

    public static bool TryParse(string username, out string @namespace, out string name)
    {
        @namespace = name = string.Empty;
        if (!username.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = username[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == rest.Length - 1 || rest.IndexOf(':', colon + 1) >= 0)
        {
            return false;
        }

        @namespace = rest[..colon];
        name = rest[(colon + 1)..];
        return true;
    }
}

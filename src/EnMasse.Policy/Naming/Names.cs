using System.Text.RegularExpressions;

namespace EnMasse.Policy.Naming;

/// <summary>Kubernetes name formats and the small text checks the rules share.</summary>
public static partial class Names
{
    /// <summary>DNS-1123 label: lowercase letters, digits and '-', starting and ending alphanumeric, at most 63.</summary>
    public static bool IsDnsLabel(string value) => value.Length is > 0 and <= 63 && DnsLabel().IsMatch(value);

    /// <summary>DNS-1123 subdomain: dot-separated labels, at most 253.</summary>
    public static bool IsDnsSubdomain(string value) => value.Length is > 0 and <= 253 && DnsSubdomain().IsMatch(value);

    /// <summary>Letters and digits only, as EnMasse names connectors, their address rules and forwarders ([a-zA-Z0-9]+).</summary>
    public static bool IsAlphanumeric(string value) => Alphanumeric().IsMatch(value);

    /// <summary>"a, b, c", or "(none)" so a message never ends in an empty list.</summary>
    public static string List(IEnumerable<string> items)
    {
        var joined = string.Join(", ", items);
        return joined.Length == 0 ? "(none)" : joined;
    }

    /// <summary>"; did you mean "x"?" or nothing.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        NearestName.Find(input, candidates) is { } nearest && nearest != input ? $"; did you mean \"{nearest}\"?" : string.Empty;

    /// <summary>Glob with '*' for any run of characters; everything else literal.</summary>
    public static bool GlobMatches(string pattern, string value)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(pattern, value, StringComparison.Ordinal);
        }

        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Alphanumeric();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();
}

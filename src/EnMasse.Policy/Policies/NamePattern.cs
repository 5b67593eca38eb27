using System.Text.RegularExpressions;

namespace EnMasse.Policy.Policies;

/// <summary>
/// A regular expression of the policy (spec.tenants[].addressSpaceNames), compiled with
/// RegexOptions.NonBacktracking: matching is linear in the name whatever the pattern, so no
/// pattern can make a review slow. The constructs that would need backtracking (backreferences,
/// lookarounds, atomic groups) are refused when the policy loads.
/// </summary>
public sealed record NamePattern(string Source, Regex Regex)
{
    /// <summary>The compiled pattern, or why it is none (as .NET says it, naming the offset).</summary>
    public static (NamePattern? Pattern, string? Error) Compile(string source)
    {
        try
        {
            return (new NamePattern(source, new Regex(source, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)), null);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }
        catch (NotSupportedException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Matches anywhere in the name, as Kyverno's and Gatekeeper's regex checks do; anchor with ^ and $ for the whole name.</summary>
    public bool Matches(string name) => Regex.IsMatch(name);
}

using System.Collections.Frozen;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Policies;

/// <summary>
/// spec.trustedRequesters: who is never denied. Their error findings come back as warnings, and
/// the webhook logs and counts each one. Service accounts are written as the API server names
/// them (<c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>), and the name may end in one
/// <c>*</c>; users and groups are matched exactly. The loader has checked the entries.
/// </summary>
public sealed record TrustedRequesters(IReadOnlyList<string> ServiceAccounts, FrozenSet<string> Users, FrozenSet<string> Groups)
{
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    public static TrustedRequesters None { get; } = new([], FrozenSet<string>.Empty, FrozenSet<string>.Empty);

    public bool IsEmpty => ServiceAccounts.Count == 0 && Users.Count == 0 && Groups.Count == 0;

    /// <summary>The entry that trusts the requester, as the policy writes it (for the log); null when none does.</summary>
    public string? Match(Requester requester)
    {
        foreach (var pattern in ServiceAccounts)
        {
            if (ServiceAccountMatches(pattern, requester.Username))
            {
                return $"serviceAccounts \"{pattern}\"";
            }
        }

        if (Users.Contains(requester.Username))
        {
            return "users";
        }

        foreach (var group in requester.Groups)
        {
            if (Groups.Contains(group))
            {
                return $"groups \"{group}\"";
            }
        }

        return null;
    }

    /// <summary>A trailing * matches any rest of the name; nothing else is special, so matching is linear.</summary>
    public static bool ServiceAccountMatches(string pattern, string username) =>
        pattern.EndsWith('*')
            ? username.AsSpan().StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal) && username.AsSpan(pattern.Length - 1).IndexOf(':') < 0
            : string.Equals(pattern, username, StringComparison.Ordinal);
}

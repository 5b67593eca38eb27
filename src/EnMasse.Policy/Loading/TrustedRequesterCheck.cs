using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Loading;

/// <summary>
/// Checks spec.trustedRequesters, whose entries switch enforcement off for whoever they match:
/// a service account glob may only end the name (a glob over namespaces, or a bare *, would trust
/// the whole cluster), users and groups take no glob at all, and no group may hold everyone.
/// </summary>
internal static class TrustedRequesterCheck
{
    private static readonly string[] EveryoneGroups = ["system:authenticated", "system:unauthenticated", "system:serviceaccounts"];

    public static void Check(PolicyTrustedRequesters trusted, List<(string? File, RawFinding Finding)> findings)
    {
        void Report(Text at, string message) => findings.Add((null, new RawFinding(PolicyIds.Value, at.Path, at.Node.Start, message)));

        foreach (var entry in trusted.ServiceAccounts)
        {
            if (ServiceAccountProblem(entry.Value) is { } problem)
            {
                Report(entry, problem);
            }
        }

        foreach (var entry in trusted.Users.Where(u => u.Value.Contains('*', StringComparison.Ordinal)))
        {
            Report(entry, $"user \"{entry.Value}\" has a *, but users are matched exactly; a glob is allowed only at the end of a name in serviceAccounts");
        }

        foreach (var entry in trusted.Groups)
        {
            if (entry.Value.Contains('*', StringComparison.Ordinal))
            {
                Report(entry, $"group \"{entry.Value}\" has a *, but groups are matched exactly");
            }
            else if (EveryoneGroups.Contains(entry.Value, StringComparer.Ordinal))
            {
                Report(entry, $"group \"{entry.Value}\" holds every user or every service account; trusting it switches enforcement off");
            }
        }
    }

    private static string? ServiceAccountProblem(string entry)
    {
        const string Form = "system:serviceaccount:<namespace>:<name>, e.g. system:serviceaccount:enmasse-infra:*";
        if (!entry.StartsWith(TrustedRequesters.ServiceAccountPrefix, StringComparison.Ordinal))
        {
            return $"service account \"{entry}\" is not of the form {Form}";
        }

        var parts = entry[TrustedRequesters.ServiceAccountPrefix.Length..].Split(':');
        if (parts.Length != 2)
        {
            return $"service account \"{entry}\" is not of the form {Form}";
        }

        var (space, name) = (parts[0], parts[1]);
        if (space.Contains('*', StringComparison.Ordinal))
        {
            return $"service account \"{entry}\" has a * in its namespace, which would trust service accounts of namespaces anyone may create; name the namespace, a * may only end the name";
        }

        if (!Names.IsDnsLabel(space))
        {
            return $"service account \"{entry}\": namespace \"{space}\" is not a valid namespace name (a DNS-1123 label)";
        }

        var star = name.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0 && star != name.Length - 1)
        {
            return $"service account \"{entry}\": a * may only end the name, as in {TrustedRequesters.ServiceAccountPrefix}{space}:address-space-*";
        }

        var literal = star < 0 ? name : name[..star];
        return (literal.Length == 0 && star >= 0) || IsNamePrefix(literal, complete: star < 0)
            ? null
            : $"service account \"{entry}\": \"{name}\" is not a valid service account name (a DNS-1123 subdomain{(star >= 0 ? " followed by *" : string.Empty)})";
    }

    /// <summary>A whole name must be a DNS-1123 subdomain; the part before a * only has to start one.</summary>
    private static bool IsNamePrefix(string literal, bool complete) =>
        complete ? Names.IsDnsSubdomain(literal) : Names.IsDnsSubdomain(literal + "x");
}

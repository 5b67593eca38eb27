using System.Reflection;

namespace EnMasse.Cli.Output;

/// <summary>
/// Where a rule's page is published: <c>{RepositoryUrl}/blob/{RepositoryBranch}/docs/rules/{id}.md</c>,
/// from the build properties RepositoryUrl and RepositoryBranch (see docs/cli.md). A build without
/// RepositoryUrl links nowhere; `enmasse-policy explain RULE` prints the same page offline.
/// </summary>
internal static class RuleLinks
{
    public static string? BaseUrl { get; } = Find();

    public static string For(string rule) => $"{BaseUrl}{rule}.md";

    public static string? ForRule(string rule) => BaseUrl is null ? null : For(rule);

    private static string? Find()
    {
        var metadata = typeof(RuleLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        if (!metadata.TryGetValue("RepositoryUrl", out var url) || string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var branch = metadata.TryGetValue("RepositoryBranch", out var b) && !string.IsNullOrWhiteSpace(b) ? b : "main";
        return $"{url.TrimEnd('/')}/blob/{branch}/docs/rules/";
    }
}

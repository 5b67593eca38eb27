namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// Where the real helm and the schema checker are: $ENMASSE_HELM, else .ci/cache/helm/helm (what
/// .ci/get-chart-tools installs), else helm on PATH; the checker is node on PATH with
/// .ci/chart-check's packages installed. Without them the chart tests are skipped with the reason,
/// except where ENMASSE_CHART_TOOLS_REQUIRED is set (.ci/run sets it): there they fail.
/// </summary>
internal static class ChartTools
{
    public const string Hint = "run .ci/get-chart-tools once (it installs helm and the checker into this checkout), then dotnet test again";

    private static readonly string CheckerDir = Path.Combine(Repo.Root, ".ci", "chart-check");

    public static string ChartDir { get; } = Path.Combine(Repo.Root, "charts", "enmasse-admission");

    public static string? Helm { get; } = FirstExisting(
        Environment.GetEnvironmentVariable("ENMASSE_HELM"),
        Path.Combine(Repo.Root, ".ci", "cache", "helm", "helm"),
        OnPath("helm"));

    public static string? Node { get; } = OnPath("node");

    public static string CheckScript { get; } = Path.Combine(CheckerDir, "check.mjs");

    private static bool Required => Environment.GetEnvironmentVariable("ENMASSE_CHART_TOOLS_REQUIRED") is "1" or "true";

    public static string RequireHelm()
    {
        Require(Helm is not null, "helm was not found (no $ENMASSE_HELM, no .ci/cache/helm/helm, none on PATH)");
        return Helm!;
    }

    public static void RequireChecker()
    {
        RequireHelm();
        Require(Node is not null, "node was not found on PATH; the schema checker runs on it");
        Require(File.Exists(Path.Combine(CheckerDir, "node_modules", "kubernetes-models", "package.json")), "the schema checker's packages are not installed (.ci/chart-check/node_modules)");
    }

    /// <summary>Skips, or fails where CI demands the tools, with the reason and what to do.</summary>
    public static void Require(bool present, string reason)
    {
        if (present)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail($"{reason}; ENMASSE_CHART_TOOLS_REQUIRED is set, so this fails instead of skipping ({Hint})");
        }

        throw new SkipException($"{reason}: {Hint}");
    }

    private static string? FirstExisting(params string?[] candidates) => candidates.FirstOrDefault(File.Exists);

    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>A copy of the chart in a temporary folder, with its policies/ link resolved to a folder of the test's choosing.</summary>
internal static class ChartCopy
{
    public static string Make(string? policies = null)
    {
        var copy = Path.Combine(Path.GetTempPath(), "enmasse-chart-" + Guid.NewGuid().ToString("N"), "enmasse-admission");
        foreach (var file in Directory.EnumerateFiles(ChartTools.ChartDir, "*", SearchOption.TopDirectoryOnly).Concat(Directory.EnumerateFiles(Path.Combine(ChartTools.ChartDir, "templates"))))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(ChartTools.ChartDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateSymbolicLink(Path.Combine(copy, "policies"), policies ?? Path.Combine(Repo.Root, "policies"));
        return copy;
    }
}

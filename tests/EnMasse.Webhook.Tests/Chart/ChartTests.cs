using EnMasse.Policy.Documents;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>What can be checked of the chart without helm; everything else is rendered (ChartRenderTests).</summary>
public sealed class ChartTests
{
    [Fact]
    public void Every_non_template_yaml_of_the_chart_parses()
    {
        foreach (var file in new[] { "Chart.yaml", "values.yaml" })
        {
            var read = DocumentLoader.Load(file, File.ReadAllBytes(Path.Combine(ChartTools.ChartDir, file)));
            Assert.Empty(read.FileFindings);
            Assert.All(read.Documents, d => Assert.Empty(d.Problems));
        }
    }

    [Fact]
    public void The_chart_policies_are_the_projects_policies()
    {
        // A link, so the chart can never ship a copy that drifted from the policy the CLI checks.
        var linked = Path.Combine(ChartTools.ChartDir, "policies");
        Assert.Equal("../../policies", new DirectoryInfo(linked).LinkTarget);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "policies", "policy.yaml")), File.ReadAllBytes(Path.Combine(linked, "policy.yaml")));
    }
}

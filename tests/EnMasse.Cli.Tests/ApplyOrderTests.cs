namespace EnMasse.Cli.Tests;

/// <summary>The CI door over a directory kubectl would apply out of order: CI sees the whole change, so order does not matter there.</summary>
public sealed class ApplyOrderTests
{
    [Fact]
    public void A_directory_whose_files_sort_before_their_address_space_passes()
    {
        using var run = new CliRun();
        ApplyOrder.WriteTo(Path.Combine(run.Directory, "team1"));
        var (exit, output, error) = run.Run("validate", "--namespace", ApplyOrder.Namespace, "team1");
        Assert.True(exit == 0, output + error);
        Assert.Contains("4 files, 5 resources: 0 errors, 0 warnings", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_address_space_the_references_are_errors_in_ci()
    {
        using var run = new CliRun();
        var dir = ApplyOrder.WriteTo(Path.Combine(run.Directory, "team1"));
        File.Delete(Path.Combine(dir, "40-space.yaml"));
        var (exit, output, _) = run.Run("validate", "--namespace", ApplyOrder.Namespace, "team1");
        Assert.Equal(1, exit);
        Assert.Contains("team1/10-audit-subscription.yaml:3:19: error address.space:", output, StringComparison.Ordinal);
        Assert.Contains("team1/30-user.yaml:3:19: error user.space:", output, StringComparison.Ordinal);
    }
}

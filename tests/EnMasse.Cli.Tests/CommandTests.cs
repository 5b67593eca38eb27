using System.Diagnostics;

namespace EnMasse.Cli.Tests;

public sealed class CommandTests
{
    [Fact]
    public void Help_lists_the_exit_codes()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.Run("validate", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("2  the run could not be made", output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_prints_usage_and_exits_2()
    {
        using var run = new CliRun();
        var (exit, _, error) = run.Run();
        Assert.Equal(2, exit);
        Assert.Contains("Usage:\n  enmasse-policy [command] [options]", error, StringComparison.Ordinal);
        Assert.EndsWith("\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_check_passes_on_the_shipped_policies()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.Run("policy", "check", Path.Combine(Repo.Root, "policies"));
        Assert.Equal(0, exit);
        Assert.Contains("5 address space plans, 22 address plans", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_check_reports_a_broken_plan_with_its_position()
    {
        using var run = new CliRun();
        run.Write("p/policy.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec: {}\n");
        run.Write("p/plans/a.yaml", "apiVersion: admin.enmasse.io/v1beta2\nkind: AddressSpacePlan\nmetadata: { name: x }\nspec:\n  addressSpaceType: standard\n  addressPlans: [nope]\n");
        var (exit, output, _) = run.Run("policy", "check", "p");
        Assert.Equal(2, exit);
        Assert.Contains("p/plans/a.yaml:6:18: error policy.reference", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_schema_prints_a_json_schema()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.Run("policy", "schema");
        Assert.Equal(0, exit);
        Assert.Contains("\"AdmissionPolicy\"", output, StringComparison.Ordinal);
        Assert.Equal(0, run.Run("policy", "schema", "Address").Exit);
        Assert.Equal(2, run.Run("policy", "schema", "Pod").Exit);
    }

    [Fact]
    public void The_built_command_runs_as_a_real_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "enmasse-policy.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "validate", Path.Combine(Repo.Root, "examples", "tenant-repo", "team1")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output + error);
        Assert.Contains("0 errors", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }
}

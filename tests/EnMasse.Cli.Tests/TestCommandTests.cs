namespace EnMasse.Cli.Tests;

public sealed class TestCommandTests
{
    [Fact]
    public void The_shipped_suites_pass_with_the_closing_line()
    {
        using var run = new CliRun();
        var (exit, output, error) = run.Run("test", Path.Combine(Repo.Root, "policies"));
        Assert.True(exit == 0, output + error);
        Assert.Matches(@"(?m)^\d+ passed, 0 failed$", output);
        Assert.Contains("PASS addresses/a queue with an unpublished plan is denied", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_expectation_fails_with_what_was_found()
    {
        using var run = new CliRun();
        CopyPolicy(run);
        run.Write("pol/tests/bad.yaml", """
            apiVersion: policy.enmasse.io/v1alpha1
            kind: PolicyTest
            metadata: { name: bad }
            spec:
              cases:
                - name: expects the wrong rule
                  object:
                    apiVersion: enmasse.io/v1beta1
                    kind: AddressSpace
                    metadata: { name: s1 }
                    spec: { type: standard, plan: gold }
                  expect: { allowed: false, rules: [addressspace.type] }
            """);
        var (exit, output, _) = run.Run("test", "pol");
        Assert.Equal(1, exit);
        Assert.Contains("FAIL pol/tests/bad.yaml:6:7 bad/expects the wrong rule: expected rules [addressspace.type], got [addressspace.plan]", output, StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 1 failed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_suite_exits_2_with_its_position()
    {
        using var run = new CliRun();
        CopyPolicy(run);
        run.Write("pol/tests/typo.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: PolicyTest\nspec:\n  casse: []\n");
        var (exit, _, error) = run.Run("test", "pol");
        Assert.Equal(2, exit);
        Assert.Contains("typo.yaml:4:3: error schema.unknown-field", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("TRUE")]
    [InlineData("on")]
    public void An_expectation_written_as_any_yaml_boolean_is_read_as_yaml_reads_it(string allowed)
    {
        using var run = new CliRun();
        CopyPolicy(run);
        run.Write("pol/tests/truthy.yaml", $$"""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: PolicyTest
            metadata: { name: truthy }
            spec:
              cases:
                - name: an allowed space
                  namespace: team1
                  object:
                    apiVersion: enmasse.io/v1beta1
                    kind: AddressSpace
                    metadata: { name: s1 }
                    spec: { type: standard, plan: standard-small }
                  expect: { allowed: {{allowed}} }
            """);
        var (exit, output, error) = run.Run("test", "pol");
        Assert.True(exit == 0, output + error);
        Assert.Contains("PASS truthy/an allowed space", output, StringComparison.Ordinal);
    }

    private static void CopyPolicy(CliRun run)
    {
        run.Write("pol/policy.yaml", File.ReadAllText(Path.Combine(Repo.Root, "policies", "policy.yaml")));
        foreach (var plan in Directory.EnumerateFiles(Path.Combine(Repo.Root, "policies", "plans")))
        {
            run.Write("pol/plans/" + Path.GetFileName(plan), File.ReadAllText(plan));
        }
    }
}

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

    [Fact]
    public void A_case_asserts_exemptions_and_picks_one_object_of_a_multi_document_file()
    {
        using var run = new CliRun();
        CopyPolicy(run);
        run.Write("pol/tests/cases/team2.yaml", Files.Space.Replace("team1", "enmasse-infra", StringComparison.Ordinal) + "\n---\n" + Files.BadAddress.Replace("team1", "enmasse-infra", StringComparison.Ordinal) + "\n");
        run.Write("pol/tests/exempt.yaml", """
            apiVersion: policy.enmasse.io/v1alpha1
            kind: PolicyTest
            metadata: { name: exempt }
            spec:
              catalog: [cases/team2.yaml]
              cases:
                - name: the infra namespace is exempted
                  file: cases/team2.yaml
                  select: { kind: Address, name: myspace.queue1 }
                  namespace: enmasse-infra
                  expect: { allowed: true, rules: [], exempted: [address.plan] }
                - name: a wrong exemption expectation fails
                  file: cases/team2.yaml
                  select: { kind: Address }
                  namespace: enmasse-infra
                  expect: { allowed: true, exempted: [address.type] }
                - name: a file of several objects needs select
                  file: cases/team2.yaml
                  expect: { allowed: true }
            """);
        var (exit, output, _) = run.Run("test", "pol");
        Assert.Equal(1, exit);
        Assert.Contains("PASS exempt/the infra namespace is exempted", output, StringComparison.Ordinal);
        Assert.Contains("FAIL pol/tests/exempt.yaml:12:7 exempt/a wrong exemption expectation fails: expected exempted [address.type], got [address.plan]", output, StringComparison.Ordinal);
        Assert.Contains("FAIL pol/tests/exempt.yaml:17:7 exempt/a file of several objects needs select: file cases/team2.yaml: holds 2 objects (AddressSpace myspace, Address myspace.queue1); name one with select: {kind: ..., name: ...}", output, StringComparison.Ordinal);
        Assert.Contains("--case", run.Run("test", "--help").Out, StringComparison.Ordinal);
        var (onlyExit, only, _) = run.Run("test", "pol", "--case", "the infra*");
        Assert.Equal(0, onlyExit);
        Assert.Contains("1 passed, 0 failed", only, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_suite_is_reported_and_the_other_suites_still_run()
    {
        using var run = new CliRun();
        CopyPolicy(run);
        run.Write("pol/tests/a-broken.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: PolicyTest\nspec:\n  cases:\n    - name: x\n      expect: { allowed: true }\n      namespce: team1\n");
        run.Write("pol/tests/b-good.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: PolicyTest\nspec:\n  cases:\n    - name: a space passes\n      object: { apiVersion: enmasse.io/v1beta1, kind: AddressSpace, metadata: { name: s1, namespace: t }, spec: { type: standard, plan: standard-small } }\n      expect: { allowed: true }\n");
        var (exit, output, error) = run.Run("test", "pol");
        Assert.Equal(2, exit);
        Assert.Contains("did you mean \"namespace\"?", error, StringComparison.Ordinal);
        Assert.Contains("PASS b-good/a space passes", output, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 0 failed, 1 suite not valid\n", output, StringComparison.Ordinal);
    }

    private static void CopyPolicy(CliRun run) => run.WritePolicy("pol", File.ReadAllText(Path.Combine(Repo.Root, "policies", "policy.yaml")));
}

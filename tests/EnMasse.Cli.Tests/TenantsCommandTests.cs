namespace EnMasse.Cli.Tests;

/// <summary>
/// spec.tenants through the commands a platform engineer runs: `policy check` on a pull request
/// (FILE:LINE:COLUMN lines, exit 2), `test` on the shipped example, and `audit` of what exists.
/// </summary>
public sealed class TenantsCommandTests
{
    [Fact]
    public void Each_bad_entry_is_a_line_at_its_position_and_the_policy_does_not_load()
    {
        using var run = new CliRun();
        run.Write("p/policy.yaml", """
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              tenants:
                - namespaces: ["team-*"]
                  addressSpaceNames: "^(?!tmp-)"
                - namespaces: [team-web]
                  maxAddresses: 5

            """);
        var (exit, output, _) = run.Run("policy", "check", "p");
        Assert.Equal(2, exit);
        Assert.Contains("p/policy.yaml:6:26: error policy.value: spec.tenants[0].addressSpaceNames is not a regular expression the rules can use", output, StringComparison.Ordinal);
        Assert.Contains("p/policy.yaml:7:7: error policy.value: spec.tenants[1] never applies: every namespace it names is matched first by spec.tenants[0] (\"team-*\")", output, StringComparison.Ordinal);
        Assert.Contains("p: 2 problems; the policy does not load", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_example_checks_clean_and_its_suite_passes()
    {
        using var run = new CliRun();
        var (checkExit, check, _) = run.Run("policy", "check", Repo.Policies);
        Assert.True(checkExit == 0, check);
        var (testExit, tests, _) = run.Run("test", Repo.Policies, "--case", "*sandbox*");
        Assert.True(testExit == 0, tests);
        Assert.Contains("PASS", tests, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", tests, StringComparison.Ordinal);
    }

    [Fact]
    public void An_audit_of_a_snapshot_lists_the_objects_of_a_namespace_over_its_limit()
    {
        using var run = new CliRun();
        run.WritePolicy("p", TenantWorld.Policy);

        run.Write("cluster.yaml", TenantWorld.Objects);
        var (exit, output, error) = run.Run("audit", "--catalog", "cluster.yaml", "--policies", "p", "--plans", "policy");
        Assert.True(exit == 1, output + error);
        Assert.Contains("team-web/AddressSpace/web-old metadata.name: error tenant.quota: namespace \"team-web\" holds 2 address spaces (this one and 1 in the snapshot), 1 more than maxAddressSpaces of spec.tenants[1] (team-*) allows (1)", output, StringComparison.Ordinal);
        Assert.Contains("team-web/AddressSpace/web-shop metadata.name: error tenant.quota:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("team-payments/", output, StringComparison.Ordinal);
    }
}

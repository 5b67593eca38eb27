namespace EnMasse.Cli.Tests;

/// <summary>`policy check` on spec.trustedRequesters, whose entries switch enforcement off for whoever they match.</summary>
public sealed class TrustedRequestersCheckTests
{
    private static (int Exit, string Output) Check(string trusted)
    {
        using var run = new CliRun();
        run.Write("p/policy.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  trustedRequesters:\n" + trusted);
        var (exit, output, _) = run.Run("policy", "check", "p");
        return (exit, output);
    }

    [Fact]
    public void A_glob_over_namespaces_is_refused_at_its_position()
    {
        var (exit, output) = Check("    serviceAccounts:\n      - system:serviceaccount:enmasse-infra:*\n      - \"system:serviceaccount:*:deployer\"\n");
        Assert.Equal(2, exit);
        Assert.Contains("p/policy.yaml:7:9: error policy.value: service account \"system:serviceaccount:*:deployer\" has a * in its namespace", output, StringComparison.Ordinal);
        Assert.DoesNotContain("policy.yaml:6:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_refused_with_a_suggestion()
    {
        var (exit, output) = Check("    user: [admin]\n");
        Assert.Equal(2, exit);
        Assert.Contains("p/policy.yaml:5:5: error schema.unknown-field:", output, StringComparison.Ordinal);
        Assert.Contains("did you mean \"users\"?", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_entries_pass()
    {
        var (exit, output) = Check("    serviceAccounts: [\"system:serviceaccount:enmasse-infra:address-space-*\"]\n    users: [platform-admin]\n    groups: [enmasse-operators]\n");
        Assert.True(exit == 0, output);
    }
}

using System.Security.Cryptography.X509Certificates;

namespace EnMasse.Cli.Tests;

public sealed class MutateCommandTests
{
    [Fact]
    public void Mutate_prints_the_defaults_the_webhook_adds()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (exit, output, _) = run.Run("mutate", "space.yaml");
        Assert.Equal(0, exit);
        Assert.Contains("  endpoints:\n    - name: messaging\n      service: messaging\n      cert:\n        provider: selfsigned\n", output, StringComparison.Ordinal);
        Assert.Contains("  authenticationService:\n    name: standard-authservice\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutate_output_is_already_mutated()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (_, once, _) = run.Run("mutate", "space.yaml");
        run.Write("mutated.yaml", once);
        var (exit, diff, _) = run.Run("mutate", "--diff", "mutated.yaml");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, diff);
    }

    [Fact]
    public void Diff_shows_only_added_lines()
    {
        using var run = new CliRun();
        run.Write("queue.yaml", Files.GoodAddress.Replace("  address: queue1\n", string.Empty, StringComparison.Ordinal));
        var (exit, diff, _) = run.Run("mutate", "--diff", "queue.yaml");
        Assert.Equal(0, exit);
        Assert.StartsWith("--- a/queue.yaml\n+++ b/queue.yaml\n@@ ", diff, StringComparison.Ordinal);
        Assert.Equal(["+  address: queue1"], diff.Split('\n').Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)));
        Assert.DoesNotContain(diff.Split('\n'), l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
    }

    [Fact]
    public void Strings_that_yaml_would_retype_stay_quoted()
    {
        using var run = new CliRun();
        run.Write("x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata: { a: \"yes\", b: \"42\", c: \"x: y\", d: plain }\n");
        var (_, output, _) = run.Run("mutate", "x.yaml");
        Assert.Contains("a: \"yes\"\n", output, StringComparison.Ordinal);
        Assert.Contains("b: \"42\"\n", output, StringComparison.Ordinal);
        Assert.Contains("c: \"x: y\"\n", output, StringComparison.Ordinal);
        Assert.Contains("d: plain\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_refused()
    {
        using var run = new CliRun();
        run.Write("bad.yaml", "a: [\n");
        Assert.Equal(2, run.Run("mutate", "bad.yaml").Exit);
    }
}

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
        Assert.Contains("FAIL bad/expects the wrong rule: expected rules [addressspace.type], got [addressspace.plan]", output, StringComparison.Ordinal);
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

    private static void CopyPolicy(CliRun run)
    {
        run.Write("pol/policy.yaml", File.ReadAllText(Path.Combine(Repo.Root, "policies", "policy.yaml")));
        foreach (var plan in Directory.EnumerateFiles(Path.Combine(Repo.Root, "policies", "plans")))
        {
            run.Write("pol/plans/" + Path.GetFileName(plan), File.ReadAllText(plan));
        }
    }
}

public sealed class CertsCommandTests
{
    [Fact]
    public void Certs_makes_a_chain_the_ca_verifies_with_the_service_names()
    {
        using var run = new CliRun();
        var (exit, _, error) = run.Run("certs", "--service", "guard", "--namespace", "infra", "--out", "out", "--days", "30");
        Assert.True(exit == 0, error);
        using var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(run.Directory, "out", "ca.crt")));
        using var server = X509Certificate2.CreateFromPemFile(Path.Combine(run.Directory, "out", "tls.crt"), Path.Combine(run.Directory, "out", "tls.key"));
        Assert.True(server.HasPrivateKey);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(server), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.True(server.MatchesHostname("guard.infra.svc"));
        Assert.True(server.MatchesHostname("localhost"));
        Assert.InRange((server.NotAfter - server.NotBefore).TotalDays, 29, 31);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(run.Directory, "out", "tls.key")));
        }
    }

    [Fact]
    public void Existing_files_are_not_overwritten_without_force()
    {
        using var run = new CliRun();
        Assert.Equal(0, run.Run("certs", "--out", "out").Exit);
        var (exit, _, error) = run.Run("certs", "--out", "out");
        Assert.Equal(2, exit);
        Assert.Contains("use --force", error, StringComparison.Ordinal);
        Assert.Equal(0, run.Run("certs", "--out", "out", "--force").Exit);
    }

    [Fact]
    public void Bad_days_exit_2()
    {
        using var run = new CliRun();
        Assert.Equal(2, run.Run("certs", "--days", "0").Exit);
    }
}

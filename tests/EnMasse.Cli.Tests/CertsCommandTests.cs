using System.Security.Cryptography.X509Certificates;

namespace EnMasse.Cli.Tests;

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

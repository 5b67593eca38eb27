using System.Diagnostics;
using EnMasse.Webhook.Cluster;

namespace EnMasse.Webhook.Tests;

/// <summary>Start-up mistakes get one clear line and exit 2, from the real process.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task The_cluster_catalogue_without_credentials_fails_at_start_with_one_line()
    {
        var home = Directory.CreateTempSubdirectory("enmasse-home-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "EnMasse.Webhook.dll"), "--dev-cert", "--address", "127.0.0.1", "--port", "0", "--catalog-source", "cluster", "--cert-dir", home.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Repo.Root,
            };
            start.Environment["HOME"] = home.FullName;
            start.Environment.Remove("KUBECONFIG");
            start.Environment.Remove("KUBERNETES_SERVICE_HOST");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(2, process.ExitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("enmasse-webhook: --catalog-source cluster needs the API server", line, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(home.FullName, ".kube", "config"), line, StringComparison.Ordinal);
            Assert.DoesNotContain("enmasse-webhook: serving", await output, StringComparison.Ordinal);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_kubeconfig_counts_as_credentials()
    {
        var home = Directory.CreateTempSubdirectory("enmasse-home-");
        try
        {
            Assert.NotNull(ClusterCredentials.Missing("x", name => name == "HOME" ? home.FullName : null));
            var config = Path.Combine(home.FullName, "config");
            File.WriteAllText(config, "apiVersion: v1\nkind: Config\n");
            Assert.Null(ClusterCredentials.Missing("x", name => name == "KUBECONFIG" ? "/nonexistent" + Path.PathSeparator + config : null));
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}

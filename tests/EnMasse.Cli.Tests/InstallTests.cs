using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EnMasse.Cli.Tests;

/// <summary>
/// The README's install steps, run as written in a scratch home: pack, install into a tool path,
/// link the tool and the kubectl plugin, then run both, the completion script and a SARIF report
/// whose rules link to their pages (RepositoryUrl given to the pack as MSBuild reads it from the
/// environment).
/// </summary>
public sealed partial class InstallTests
{
    [Fact]
    public async Task The_readme_install_steps_work_as_written()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "README.md"));
        var steps = InstallBlock().Match(readme);
        Assert.True(steps.Success, "README.md has no ```sh block after the <!-- install: ... --> marker");
        var home = Directory.CreateTempSubdirectory("enmasse-install-");
        try
        {
            var bin = Path.Combine(home.FullName, ".local", "bin");
            var environment = new Dictionary<string, string?>
            {
                ["HOME"] = home.FullName,
                ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["RepositoryUrl"] = "https://example.test/platform/enmasse-admission",
                ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            };
            var install = await Bash(steps.Groups["steps"].Value, environment);
            Assert.True(install.Exit == 0, install.Output);

            var help = await Bash("enmasse-policy --help", environment);
            Assert.Equal(0, help.Exit);
            Assert.Contains("Usage:\n  enmasse-policy [command] [options]", help.Output, StringComparison.Ordinal);

            var sarif = await Bash("enmasse-policy validate -o sarif examples/tenant-repo/team2", environment);
            Assert.Equal(1, sarif.Exit);
            Assert.Contains("\"helpUri\": \"https://example.test/platform/enmasse-admission/blob/main/docs/rules/address.plan.md\"", sarif.Output, StringComparison.Ordinal);

            var completion = await Bash("source <(enmasse-policy completion bash); COMP_LINE='enmasse-policy val'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(enmasse-policy val); COMP_CWORD=1; _enmasse_policy_complete; echo \"${COMPREPLY[*]}\"", environment);
            Assert.Equal("validate", completion.Output.Trim());

            if (Kubectl.Path is { } kubectl)
            {
                var plugin = await Bash($"'{kubectl}' enmasse-policy validate --help && '{kubectl}' plugin list", environment);
                Assert.True(plugin.Exit == 0, plugin.Output);
                Assert.Contains("Usage:\n  kubectl enmasse-policy validate", plugin.Output, StringComparison.Ordinal);
                Assert.Contains(Path.Combine(bin, "kubectl-enmasse_policy"), plugin.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> Bash(string script, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"<!-- install:[^\n]*-->\n```sh\n(?<steps>.*?)```", RegexOptions.Singleline)]
    private static partial Regex InstallBlock();
}

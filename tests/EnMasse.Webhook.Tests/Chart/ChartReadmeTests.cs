using System.Text.RegularExpressions;
using EnMasse.Certificates;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// The README's install section run as written, in bash, with the real helm (install and upgrade
/// turned into template: no cluster here) and kubectl and enmasse-policy recording their calls.
/// </summary>
public sealed partial class ChartReadmeTests
{
    private const string Prelude = """
        set -euo pipefail
        n=0
        helm() {
          case "$1" in
            install) shift ;;
            upgrade) shift; [[ "${1:-}" == --install ]] && shift ;;
            *) "$HELM" "$@"; return ;;
          esac
          n=$((n + 1))
          "$HELM" template "$@" > "$OUT/helm-$n.yaml"
        }
        kubectl() { echo "kubectl $*" >> "$OUT/calls.log"; }
        enmasse-policy() { echo "enmasse-policy $*" >> "$OUT/calls.log"; }

        """;

    [SkippableFact]
    public void The_readme_install_commands_render_valid_objects_as_written()
    {
        ChartTools.RequireChecker();
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var start = readme.IndexOf("## Installing in a cluster (Helm)", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no Helm install section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var blocks = ShellBlock().Matches(readme[start..end]).Select(m => m.Groups[1].Value).ToList();
        var commands = blocks.Sum(b => HelmInstall().Count(b));
        Assert.Equal(4, commands);

        var work = Path.Combine(Path.GetTempPath(), "enmasse-readme-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(output);
        try
        {
            // What the recorded commands would have made: the certs/ of `enmasse-policy certs`.
            Directory.CreateDirectory(Path.Combine(work, "certs"));
            var pair = CertificateAuthority.Create(Helm.Release, Helm.Namespace, TimeSpan.FromDays(30));
            File.WriteAllText(Path.Combine(work, "certs", "ca.crt"), pair.CaCertificatePem);
            Directory.CreateSymbolicLink(Path.Combine(work, "charts"), Path.Combine(Repo.Root, "charts"));
            Directory.CreateSymbolicLink(Path.Combine(work, "platform-policy"), PlatformPolicy.Dir);
            var script = Path.Combine(work, "readme.sh");
            File.WriteAllText(script, Prelude + string.Join("\n", blocks));

            var run = ProcessRun.Run("bash", [script], work, new Dictionary<string, string> { ["HELM"] = ChartTools.Helm!, ["OUT"] = output });
            Assert.True(run.ExitCode == 0, run.Describe());

            var rendered = Enumerable.Range(1, commands).Select(i => Rendered.Parse(File.ReadAllText(Path.Combine(output, $"helm-{i}.yaml")))).ToList();
            Assert.All(rendered, r => Assert.Empty(SchemaCheck.Problems(r.Objects)));
            Assert.All(rendered, r => Assert.Equal("registry.example.com/platform/enmasse-admission:0.1.0", Rendered.Str(Rendered.Container(r.One("Deployment")), "image")));
            Assert.Equal(pair.CaCertificatePem, System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(
                Rendered.Str(Assert.Single(rendered[1].One("ValidatingWebhookConfiguration")["webhooks"]!.AsArray()), "clientConfig", "caBundle")!)));
            Assert.Equal("self-managed", Rendered.Flag(rendered[2].One("Deployment"), "cert-mode"));

            var mounted = PolicyVolume.Mount(rendered[3]);
            try
            {
                ChartPolicyTests.AssertPlatformPolicy(mounted);
            }
            finally
            {
                Directory.Delete(mounted, recursive: true);
            }

            // The Secret goes into a namespace that exists by then.
            var calls = File.ReadAllLines(Path.Combine(output, "calls.log")).ToList();
            var created = calls.IndexOf("kubectl create namespace enmasse-admission");
            var secret = calls.FindIndex(c => c.StartsWith("kubectl -n enmasse-admission create secret tls enmasse-admission-tls", StringComparison.Ordinal));
            Assert.True(created >= 0 && secret > created, string.Join("\n", calls));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex(@"(?ms)^```sh\n(.*?)^```$")]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"(?m)^helm (install|upgrade) ")]
    private static partial Regex HelmInstall();
}

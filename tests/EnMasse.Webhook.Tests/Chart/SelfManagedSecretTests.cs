using System.Text.Json.Nodes;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// The Secret of self-managed mode, rendered by helm against the API's wire format
/// (<see cref="FakeApiServer"/>; no API server runs here) so the chart's lookup sees what a cluster
/// holds: the chart creates and keeps owning its own Secret, and leaves alone one that the webhook
/// created under chart 0.1.x, which helm could not adopt (an upgrade would fail on it).
/// </summary>
public sealed class SelfManagedSecretTests
{
    [SkippableTheory]
    [InlineData("none", true)]
    [InlineData("made by the webhook under chart 0.1.x", false)]
    [InlineData("owned by this release", true)]
    [InlineData("owned by another release", false)]
    public async Task The_chart_renders_the_secret_unless_someone_else_owns_it(string existing, bool rendered)
    {
        ChartTools.RequireHelm();
        await using var api = await FakeApiServer.StartAsync();
        var owner = existing switch
        {
            "owned by this release" => Helm.Release,
            "owned by another release" => "other",
            _ => null,
        };
        if (existing != "none")
        {
            var metadata = new JsonObject { ["name"] = "enmasse-admission-tls", ["namespace"] = Helm.Namespace, ["resourceVersion"] = "3" };
            if (owner is not null)
            {
                metadata["annotations"] = new JsonObject { ["meta.helm.sh/release-name"] = owner, ["meta.helm.sh/release-namespace"] = Helm.Namespace };
                metadata["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "Helm" };
            }

            var secret = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = metadata, ["type"] = "kubernetes.io/tls", ["data"] = new JsonObject { ["tls.crt"] = "eA==", ["tls.key"] = "eA==" } };
            api.PutObject($"secrets/{Helm.Namespace}/enmasse-admission-tls", secret.ToJsonString());
        }

        var kubeconfig = Path.Combine(Path.GetTempPath(), $"enmasse-kubeconfig-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: local
                cluster:
                  server: "{api.Address}"
            users:
              - name: test
                user:
                  token: test
            contexts:
              - name: local
                context:
                  cluster: local
                  user: test
            current-context: local
            """);
        try
        {
            var result = Helm.Run(["template", Helm.Release, ChartTools.ChartDir, "--namespace", Helm.Namespace, .. ChartVariant.Named("selfManaged").Values, "--dry-run=server", "--disable-openapi-validation", "--kubeconfig", kubeconfig]);
            Assert.True(result.ExitCode == 0, result.Describe());
            var objects = Rendered.Parse(result.Stdout);
            Assert.Equal(rendered, objects.OfKind("Secret").Any(s => Rendered.Name(s) == "enmasse-admission-tls"));
            Assert.Equal("enmasse-admission-tls", Rendered.Flag(objects.One("Deployment"), "self-managed-secret"));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}

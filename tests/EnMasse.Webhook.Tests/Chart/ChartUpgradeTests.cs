using System.Text.Json.Nodes;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// helm upgrade from the previous chart version, as a rendered diff: what the API server would
/// lose or refuse on upgrade. The caBundle lives on the webhook configurations' entries (merged by
/// name) and comes from cert-manager's injector, the secret-mode value, or the self-managed
/// webhook; each source must carry over, and helm must never render one where another writes it.
/// </summary>
public sealed class ChartUpgradeTests
{
    [SkippableTheory]
    [InlineData("certManager")]
    [InlineData("secret")]
    [InlineData("selfManaged")]
    public void Helm_upgrade_from_the_previous_chart_keeps_the_ca_bundle(string mode)
    {
        var previousChart = PreviousChart.Require();
        // Values both versions accept, as a user of the previous version set them.
        string[] values = [.. ChartVariant.Named(mode).Values, "--set", "podDisruptionBudget.minAvailable=1"];
        var before = Helm.Template(values, chart: previousChart);
        var after = Helm.Template(values);
        Assert.NotEqual(PreviousChart.Version, Rendered.Str(Labels(after.One("Deployment")), "helm.sh/chart")?.Split('-').Last());

        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" })
        {
            var old = before.One(kind);
            var current = after.One(kind);
            Assert.Equal(Rendered.Name(old), Rendered.Name(current));
            Assert.Equal(WebhookNames(old), WebhookNames(current));
            var oldBundle = Bundles(old);
            var newBundle = Bundles(current);
            var oldInject = Rendered.Str(old, "metadata", "annotations", "cert-manager.io/inject-ca-from");
            var newInject = Rendered.Str(current, "metadata", "annotations", "cert-manager.io/inject-ca-from");
            switch (mode)
            {
                case "certManager":
                    // The injector keeps writing the bundle from the same Certificate's CA.
                    Assert.NotNull(newInject);
                    Assert.Equal(oldInject, newInject);
                    Assert.All(newBundle, Assert.Null);
                    var name = newInject!.Split('/')[1];
                    Assert.Equal(Rendered.Str(before.One("Certificate", name), "spec", "secretName"), Rendered.Str(after.One("Certificate", name), "spec", "secretName"));
                    Assert.Equal(before.One("Certificate", name)["spec"]!["issuerRef"]!.ToJsonString(), after.One("Certificate", name)["spec"]!["issuerRef"]!.ToJsonString());
                    break;
                case "secret":
                    Assert.Equal([ChartVariant.CaBundle], newBundle.Distinct());
                    Assert.Equal(oldBundle, newBundle);
                    break;
                default:
                    // The webhook published it at run time; a rendered one would overwrite it.
                    Assert.All(oldBundle, Assert.Null);
                    Assert.All(newBundle, Assert.Null);
                    Assert.Null(newInject);
                    break;
            }
        }

        if (mode == "selfManaged")
        {
            // The same Secret keeps the CA; the chart's copy of it carries no data to write over it.
            var oldDeployment = before.One("Deployment");
            var newDeployment = after.One("Deployment");
            foreach (var flag in new[] { "self-managed-secret", "webhook-configuration", "service" })
            {
                Assert.Equal(Rendered.Flag(oldDeployment, flag), Rendered.Flag(newDeployment, flag));
            }

            var secret = after.One("Secret", Rendered.Flag(newDeployment, "self-managed-secret")!);
            Assert.Null(secret["data"]);
            Assert.Null(secret["stringData"]);
        }

        // Immutable or matching fields an upgrade cannot change without breaking the rollout.
        Assert.Equal(before.One("Deployment")["spec"]!["selector"]!.ToJsonString(), after.One("Deployment")["spec"]!["selector"]!.ToJsonString());
        Assert.Equal(before.One("Service")["spec"]!["selector"]!.ToJsonString(), after.One("Service")["spec"]!["selector"]!.ToJsonString());
        Assert.Equal(Rendered.Name(before.One("Service")), Rendered.Name(after.One("Service")));
    }

    private static JsonNode Labels(JsonObject o) => o["metadata"]!["labels"]!;

    private static List<string?> WebhookNames(JsonObject configuration) =>
        [.. configuration["webhooks"]!.AsArray().Select(w => Rendered.Str(w, "name"))];

    private static List<string?> Bundles(JsonObject configuration) =>
        [.. configuration["webhooks"]!.AsArray().Select(w => Rendered.Str(w, "clientConfig", "caBundle"))];
}

using System.Text.RegularExpressions;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Policies;
using EnMasse.Webhook.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// The chart cannot be rendered here (no helm), so these read its files directly: values against
/// values.schema.json, and the templates against what the server really serves.
/// </summary>
public sealed partial class ChartTests
{
    private static readonly string ChartDir = Path.Combine(Repo.Root, "charts", "enmasse-admission");

    private static string Template(string name) => File.ReadAllText(Path.Combine(ChartDir, "templates", name));

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> ValidateValues(string yaml)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(ChartDir, "values.schema.json"));
        var read = DocumentLoader.LoadText("values.yaml", yaml);
        Assert.Empty(read.FileFindings);
        return schema.Validate(NodeJsonWriter.ToJson(Assert.Single(read.Documents).Root));
    }

    [Fact]
    public async Task The_shipped_values_satisfy_the_schema() =>
        Assert.Empty(await ValidateValues(await File.ReadAllTextAsync(Path.Combine(ChartDir, "values.yaml"))));

    [Theory]
    [InlineData("  mode: certManager", "  mode: vault")]
    [InlineData("replicaCount: 2", "replicaCount: 0")]
    [InlineData("catalogSource: cluster", "catalogSource: etcd")]
    [InlineData("  validatingName: validate.enmasse.policy.io", "  validatingName: validate-enmasse")]
    [InlineData("  validatingFailurePolicy: Fail", "  validatingFailurePolicy: Maybe")]
    [InlineData("  timeoutSeconds: 5", "  timeoutSeconds: 60")]
    [InlineData("replicaCount: 2", "replicaCount: 2\nreplicas: 3")]
    public async Task Bad_values_are_rejected_by_the_schema(string from, string to)
    {
        var values = await File.ReadAllTextAsync(Path.Combine(ChartDir, "values.yaml"));
        Assert.Contains(from, values, StringComparison.Ordinal);
        Assert.NotEmpty(await ValidateValues(values.Replace(from, to, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_non_template_yaml_of_the_chart_parses()
    {
        foreach (var file in new[] { "Chart.yaml", "values.yaml" })
        {
            var read = DocumentLoader.Load(file, File.ReadAllBytes(Path.Combine(ChartDir, file)));
            Assert.Empty(read.FileFindings);
            Assert.All(read.Documents, d => Assert.Empty(d.Problems));
        }
    }

    [Fact]
    public void The_webhook_configurations_call_the_paths_the_server_serves()
    {
        var options = new WebhookOptions { Port = 0, Address = System.Net.IPAddress.Loopback, CertDir = Path.GetTempPath(), Policies = Path.Combine(Repo.Root, "policies") };
        var app = WebhookApp.Build(options, logging => { });
        var served = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToHashSet();

        Assert.Contains("/validate", served);
        Assert.Contains("/mutate", served);
        Assert.Contains("path: /validate", Template("validatingwebhookconfiguration.yaml"), StringComparison.Ordinal);
        Assert.Contains("path: /mutate", Template("mutatingwebhookconfiguration.yaml"), StringComparison.Ordinal);
        Assert.Contains("/healthz", served);
        Assert.Contains("/readyz", served);
        Assert.Contains("path: /healthz", Template("deployment.yaml"), StringComparison.Ordinal);
        Assert.Contains("path: /readyz", Template("deployment.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_container_port_is_the_servers_default_port_and_the_flags_exist()
    {
        var values = File.ReadAllText(Path.Combine(ChartDir, "values.yaml"));
        Assert.Equal(new WebhookOptions().Port.ToString(System.Globalization.CultureInfo.InvariantCulture), TargetPort().Match(values).Groups[1].Value);
        var args = Flag().Matches(Template("deployment.yaml")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["--port", "--address", "--cert-dir", "--policies", "--catalog-source", "--cert-mode", "--self-managed-secret", "--service", "--webhook-configuration", "--self-managed-validity-days", "--self-managed-renew-before-days"], args);

        // The self-managed flags together, as the chart passes them, start a server's settings.
        var (parsed, error) = WebhookOptions.From(
            ["--port=8443", "--address=0.0.0.0", "--cert-dir=/etc/enmasse/certs", "--policies=/etc/enmasse/policies", "--catalog-source=cluster", "--cert-mode=self-managed", "--self-managed-secret=x-tls", "--service=x", "--webhook-configuration=x", "--self-managed-validity-days=365", "--self-managed-renew-before-days=30", "--namespace=ns"],
            _ => null,
            development: false);
        Assert.True(parsed is not null, error);
    }

    [Fact]
    public void The_webhook_configurations_follow_the_spec()
    {
        var common = Template("_helpers.tpl");
        Assert.Contains("admissionReviewVersions: [\"v1\", \"v1beta1\"]", common, StringComparison.Ordinal);
        Assert.Contains("sideEffects: None", common, StringComparison.Ordinal);
        Assert.Contains("matchPolicy: Equivalent", common, StringComparison.Ordinal);
        Assert.Contains("- {{ .Release.Namespace | quote }}", common, StringComparison.Ordinal);
        var values = File.ReadAllText(Path.Combine(ChartDir, "values.yaml"));
        Assert.Contains("validatingFailurePolicy: Fail", values, StringComparison.Ordinal);
        Assert.Contains("mutatingFailurePolicy: Ignore", values, StringComparison.Ordinal);
        Assert.Contains("timeoutSeconds: 5", values, StringComparison.Ordinal);
        Assert.Contains("- kube-system", values, StringComparison.Ordinal);
        foreach (var name in WebhookName().Matches(values).Select(m => m.Groups[1].Value))
        {
            Assert.Equal(4, name.Split('.').Length);
        }
    }

    [Fact]
    public void Secret_and_webhook_configuration_rights_exist_only_in_self_managed_mode()
    {
        var always = Template("rbac.yaml");
        Assert.DoesNotContain("secrets", always, StringComparison.Ordinal);
        Assert.DoesNotContain("webhookconfigurations", always, StringComparison.Ordinal);
        Assert.DoesNotContain("\"create\"", always, StringComparison.Ordinal);
        Assert.Contains("verbs: [\"get\", \"list\", \"watch\"]", always, StringComparison.Ordinal);
        var selfManaged = Template("rbac-selfmanaged.yaml");
        Assert.StartsWith("{{- if eq .Values.certificates.mode \"selfManaged\" }}", selfManaged, StringComparison.Ordinal);
        Assert.Contains("resourceNames", selfManaged, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_policies_are_the_projects_policies()
    {
        var linked = Path.Combine(ChartDir, "policies");
        Assert.NotNull(new DirectoryInfo(linked).LinkTarget);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "policies", "policy.yaml")), File.ReadAllBytes(Path.Combine(linked, "policy.yaml")));
        Assert.Contains("policies/plans/*.yaml", Template("configmap.yaml"), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(linked, "plans"), "*.yaml"));
    }

    [Fact]
    public void A_policy_directory_laid_out_as_kubelet_writes_a_configmap_volume_loads()
    {
        // kubelet writes the files into a hidden timestamped folder, points ..data at it, and
        // links each top-level name through ..data; an update swaps ..data atomically.
        var root = Path.Combine(Path.GetTempPath(), "enmasse-cm-" + Guid.NewGuid().ToString("N"));
        var stamped = Path.Combine(root, "..2026_11_25_07_00_00.123");
        Directory.CreateDirectory(Path.Combine(stamped, "plans"));
        try
        {
            File.Copy(Path.Combine(Repo.Root, "policies", "policy.yaml"), Path.Combine(stamped, "policy.yaml"));
            foreach (var plan in Directory.GetFiles(Path.Combine(Repo.Root, "policies", "plans")))
            {
                File.Copy(plan, Path.Combine(stamped, "plans", Path.GetFileName(plan)));
            }

            File.CreateSymbolicLink(Path.Combine(root, "..data"), Path.GetFileName(stamped));
            File.CreateSymbolicLink(Path.Combine(root, "policy.yaml"), "..data/policy.yaml");
            Directory.CreateSymbolicLink(Path.Combine(root, "plans"), "..data/plans");

            var loaded = PolicyLoader.LoadDirectory(root);
            Assert.True(loaded.Succeeded, string.Join("; ", loaded.Findings.Select(f => f.Message)));
            Assert.Equal(22, loaded.Bundle!.Published.AddressPlans.Count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [GeneratedRegex(@"(?m)^\s+targetPort:\s*(\d+)")]
    private static partial Regex TargetPort();

    [GeneratedRegex(@"(?m)^\s+- (--[a-z-]+)=")]
    private static partial Regex Flag();

    [GeneratedRegex(@"(?m)^\s+(?:validating|mutating)Name:\s*(\S+)")]
    private static partial Regex WebhookName();
}

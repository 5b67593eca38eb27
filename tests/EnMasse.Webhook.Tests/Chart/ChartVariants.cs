using EnMasse.Certificates;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>One helm template of the values matrix: the certificate mode and the values it sets.</summary>
internal sealed record ChartVariant(string Name, string Mode, IReadOnlyList<string> Values, string Release = Helm.Release, string Namespace = Helm.Namespace, string? KubeVersion = null)
{
    public const string Repository = "registry.example.com/platform/enmasse-admission";

    public static readonly string CaBundle = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(
        CertificateAuthority.Create(Helm.Release, Helm.Namespace, TimeSpan.FromDays(30)).CaCertificatePem));

    private static readonly string[] Image = ["--set", "image.repository=" + Repository];

    private static readonly string[] Secret = ["--set", "certificates.mode=secret", "--set", "certificates.secret.name=webhook-tls", "--set", "certificates.secret.caBundle=" + CaBundle];

    private static readonly string[] SelfManaged = ["--set", "certificates.mode=selfManaged"];

    public static IReadOnlyList<ChartVariant> All { get; } =
    [
        new("certManager", "certManager", Image),
        new("certManager-own-issuer", "certManager", [.. Image, "--set", "certificates.certManager.issuerRef.name=corporate-ca", "--set", "certificates.certManager.issuerRef.kind=ClusterIssuer", "--set", "certificates.certManager.issuerRef.group=cert-manager.io"]),
        new("secret", "secret", [.. Image, .. Secret]),
        new("selfManaged", "selfManaged", [.. Image, .. SelfManaged]),
        new("replicas-1", "certManager", [.. Image, "--set", "replicaCount=1"]),
        new("replicas-3-selfManaged", "selfManaged", [.. Image, .. SelfManaged, "--set", "replicaCount=3"]),
        new("replicas-3-minAvailable-2", "secret", [.. Image, .. Secret, "--set", "replicaCount=3", "--set", "podDisruptionBudget.minAvailable=2"]),
        new("autoscaling", "certManager", [.. Image, "--set", "autoscaling.enabled=true", "--set", "autoscaling.minReplicas=3", "--set", "autoscaling.maxReplicas=6"]),
        new("own-policy-set-file", "secret", [.. Image, .. Secret, .. SetFiles(PlatformPolicy.ReadFiles)]),
        new("existing-configmap", "selfManaged", [.. Image, .. SelfManaged, "--set", "policy.existingConfigMap.name=platform-policy", "--set", "policy.existingConfigMap.items[0].key=policy.yaml", "--set", "policy.existingConfigMap.items[0].path=policy.yaml", "--set", "policy.existingConfigMap.items[1].key=plans.queues.yaml", "--set", "policy.existingConfigMap.items[1].path=plans/queues.yaml"]),
        new("excluded-namespaces", "certManager", [.. Image, "--set", "webhook.excludedNamespaces={kube-system,kube-public,enmasse-infra,monitoring}"]),
        new("resources-and-scheduling", "secret", [.. Image, .. Secret, "--set", "resources.requests.cpu=250m", "--set", "resources.requests.memory=128Mi", "--set", "resources.limits.cpu=1", "--set", "resources.limits.memory=512Mi", "--set", "imagePullSecrets={regcred}", "--set", "nodeSelector.kubernetes\\.io/os=linux", "--set", "tolerations[0].key=dedicated", "--set", "tolerations[0].operator=Equal", "--set", "tolerations[0].value=platform", "--set", "tolerations[0].effect=NoSchedule"]),
        new("image-digest", "certManager", [.. Image, "--set", "image.digest=sha256:" + new string('a', 64), "--set", "image.pullPolicy=Always"]),
        new("catalog-files", "secret", [.. Image, .. Secret, "--set", "catalogSource=files"]),
        new("catalog-files-selfManaged", "selfManaged", [.. Image, .. SelfManaged, "--set", "catalogSource=files", "--set", "infraNamespace=messaging-infra"]),
        new("yaml-1.1-names", "selfManaged", [.. Image, .. SelfManaged], Release: "1234", Namespace: "on"),
        new("kubernetes-1.29", "certManager", Image, KubeVersion: "1.29.0"),
        new("no-shutdown-delay", "certManager", [.. Image, "--set", "shutdownDelaySeconds=0"]),
        new("background-audit", "selfManaged", [.. Image, .. SelfManaged, "--set", "backgroundAudit.enabled=true", "--set", "backgroundAudit.periodSeconds=600"]),
    ];

    public static TheoryData<string> Names { get; } = [.. All.Select(v => v.Name)];

    public static ChartVariant Named(string name) => All.Single(v => v.Name == name);

    public IReadOnlyList<string> HelmArgs => KubeVersion is null ? Values : [.. Values, "--kube-version", KubeVersion];

    public int MinReplicas => Values.Contains("autoscaling.enabled=true") ? Int("autoscaling.minReplicas", 2) : Int("replicaCount", 2);

    /// <summary>--set-file for each policy file, keys escaped as helm's --set reads them.</summary>
    public static IEnumerable<string> SetFiles(IEnumerable<string> relative) =>
        relative.SelectMany(f => new[] { "--set-file", $"policy.files.{f.Replace(".", "\\.", StringComparison.Ordinal)}={Path.Combine(PlatformPolicy.Dir, f)}" });

    private int Int(string key, int fallback) =>
        Values.Where(v => v.StartsWith(key + "=", StringComparison.Ordinal)).Select(v => int.Parse(v[(key.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).Last();

    public override string ToString() => Name;
}

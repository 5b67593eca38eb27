using System.Text.Json.Nodes;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>Values a cluster would trip on are refused by helm itself (the chart's schema or its templates), with the key named.</summary>
public sealed class ChartValuesTests
{
    private const string Image = "image.repository=" + ChartVariant.Repository;

    public static TheoryData<string[], string[]> Refused => new()
    {
        { [], ["/image/repository", "minLength"] },
        { ["--set", "image.repository=ghcr.io/example/enmasse-admission"], ["/image/repository"] },
        { ["--set", "image.repository=<your registry>/enmasse-admission"], ["/image/repository"] },
        { ["--set", Image, "--set", "image.digest=sha256:abc"], ["/image/digest"] },
        { ["--set", Image, "--set", "certificates.mode=vault"], ["/certificates/mode"] },
        { ["--set", Image, "--set", "certificates.mode=secret"], ["/certificates/secret/name", "/certificates/secret/caBundle"] },
        { ["--set", Image, "--set", "certificates.mode=secret", "--set", "certificates.secret.name=x", "--set", "certificates.secret.caBundle=notbase64"], ["/certificates/secret/caBundle"] },
        { ["--set", Image, "--set", "certificates.mode=secret", "--set", "certificates.secret.name=x", "--set", "certificates.secret.caBundle=aGVsbG8K"], ["/certificates/secret/caBundle"] },
        { ["--set", Image, "--set", "certificates.certManager.issuerRef.kind=Vault"], ["/certificates/certManager/issuerRef/kind"] },
        { ["--set", Image, "--set", "catalogSource=etcd"], ["/catalogSource"] },
        { ["--set", Image, "--set", "backgroundAudit.enabled=true", "--set", "catalogSource=files"], ["backgroundAudit.enabled needs catalogSource: cluster"] },
        { ["--set", Image, "--set", "backgroundAudit.periodSeconds=5"], ["/backgroundAudit/periodSeconds"] },
        { ["--set", Image, "--set", "backgroundAudit.enable=true"], ["enable"] },
        { ["--set", Image, "--set", "image.pullPolicy=Sometimes"], ["/image/pullPolicy"] },
        { ["--set", Image, "--set", "webhook.validatingFailurePolicy=Maybe"], ["/webhook/validatingFailurePolicy"] },
        { ["--set", Image, "--set", "webhook.validatingName=validate-enmasse"], ["/webhook/validatingName"] },
        { ["--set", Image, "--set", "webhook.timeoutSeconds=60"], ["/webhook/timeoutSeconds"] },
        { ["--set", Image, "--set", "webhook.excludedNamespaces={Kube_System}"], ["/webhook/excludedNamespaces/0"] },
        { ["--set", Image, "--set", "tolerations[0].operator=Maybe"], ["/tolerations/0/operator"] },
        { ["--set", Image, "--set", "replicaCount=0"], ["/replicaCount"] },
        { ["--set", Image, "--set", "replicas=3"], ["replicas"] },
        { ["--set", Image, "--set", "resources.requests.memory=lots"], ["/resources/requests/memory"] },
        { ["--set", Image, "--set", "podDisruptionBudget.minAvailable=2"], ["podDisruptionBudget.minAvailable 2 with 2 replicas would block every node drain"] },
        { ["--set", Image, "--set", "replicaCount=3", "--set", "podDisruptionBudget.minAvailable=100%"], ["would block every node drain"] },
        { ["--set", Image, "--set", "autoscaling.enabled=true", "--set", "autoscaling.minReplicas=6"], ["autoscaling.minReplicas 6 is above maxReplicas 5"] },
        { ["--set", Image, "--set", "autoscaling.enabled=true", "--kube-version", "1.22.0"], ["Kubernetes 1.23+"] },
        { ["--set", Image, "--kube-version", "1.20.0"], ["kubeVersion: >=1.21.0-0"] },
        { ["--set", Image, "--set-string", "policy.files.plan/queues\\.yaml=kind: AddressPlan"], ["invalid propertyName 'plan/queues.yaml'"] },
        { ["--set", Image, "--set-string", "policy.files.plans/queues\\.yaml=kind: AddressPlan"], ["the policy has no policy.yaml"] },
        { ["--set", Image, "--set", "policy.existingConfigMap.name=p", "--set", "policy.existingConfigMap.items[0].key=plans/x.yaml", "--set", "policy.existingConfigMap.items[0].path=plans/x.yaml"], ["/policy/existingConfigMap/items/0/key"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Refused))]
    public void Values_a_cluster_would_trip_on_are_refused_naming_the_key(string[] values, string[] messages)
    {
        var result = Helm.TryTemplate(values);
        Assert.NotEqual(0, result.ExitCode);
        foreach (var message in messages)
        {
            Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Policy_files_that_would_share_a_configmap_key_are_refused()
    {
        var result = Helm.TryTemplate(["--set", Image, .. ChartVariant.SetFiles(["policy.yaml", "plans/extra.yml"]), "--set-string", "policy.files.plans/a/b\\.yaml=x", "--set-string", "policy.files.plans/a\\.b\\.yaml=x"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("would share the ConfigMap key \"plans.a.b.yaml\"", result.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_schema_check_fails_an_object_that_is_wrong()
    {
        ChartTools.RequireChecker();
        var good = ChartRender.Of("certManager").Objects;
        Assert.Empty(SchemaCheck.Problems(good));

        JsonObject Mutated(Action<JsonObject> change)
        {
            var deployment = good.Single(o => Rendered.Str(o, "kind") == "Deployment").DeepClone().AsObject();
            change(deployment);
            return deployment;
        }

        Assert.Contains(SchemaCheck.Problems([Mutated(d => d["spec"]!["replicas"] = "two")]), p => p.Contains("/spec/replicas", StringComparison.Ordinal));
        Assert.Contains(SchemaCheck.Problems([Mutated(d => d["spec"]!["replica"] = 2)]), p => p.Contains("'replica'", StringComparison.Ordinal));
        Assert.Contains(SchemaCheck.Problems([Mutated(d => d["kind"] = "Deploymnet")]), p => p.Contains("no schema", StringComparison.Ordinal));
        Assert.Contains(SchemaCheck.Problems([Mutated(d => d["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject().Remove("name"))]), p => p.Contains("name", StringComparison.Ordinal));
        var certificate = good.First(o => Rendered.Str(o, "kind") == "Certificate").DeepClone().AsObject();
        certificate["spec"]!["isCA"] = "yes";
        Assert.Contains(SchemaCheck.Problems([certificate]), p => p.Contains("/spec/isCA", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_broken_template_renders_objects_the_schema_check_fails()
    {
        ChartTools.RequireChecker();
        var copy = ChartCopy.Make();
        try
        {
            var deployment = Path.Combine(copy, "templates", "deployment.yaml");
            var text = File.ReadAllText(deployment);
            Assert.Contains("containerPort: {{ .Values.service.targetPort }}", text, StringComparison.Ordinal);
            File.WriteAllText(deployment, text.Replace("containerPort: {{ .Values.service.targetPort }}", "containerPort: \"{{ .Values.service.targetPort }}\"", StringComparison.Ordinal));
            var rendered = Helm.Template(ChartVariant.Named("certManager").Values, chart: copy);
            Assert.Contains(SchemaCheck.Problems(rendered.Objects), p => p.Contains("containerPort", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}

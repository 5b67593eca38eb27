using EnMasse.Policy.Audit;
using EnMasse.Policy.Model;
using EnMasse.Webhook.Cluster;
using EnMasse.Webhook.Hosting;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// The chart rendered by the real helm for every certificate mode and a matrix of values
/// (<see cref="ChartVariant.All"/>): each object checked against its Kubernetes schema, and the
/// semantics this project owns checked against the real server, engine and catalogue.
/// </summary>
public sealed class ChartRenderTests
{
    [SkippableTheory]
    [InlineData("certManager")]
    [InlineData("secret")]
    [InlineData("selfManaged")]
    public void Helm_lint_strict_passes(string mode)
    {
        var lint = Helm.Run(["lint", "--strict", ChartTools.ChartDir, .. ChartVariant.Named(mode).Values]);
        Assert.True(lint.ExitCode == 0, lint.Describe());
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", lint.Stdout, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(ChartVariant.Names), MemberType = typeof(ChartVariant))]
    public void Every_rendered_object_satisfies_its_kubernetes_schema(string variant)
    {
        var rendered = ChartRender.Of(variant);
        Assert.NotEmpty(rendered.Objects);
        Assert.Empty(SchemaCheck.Problems(rendered.Objects));
    }

    [SkippableTheory]
    [InlineData("certManager", new[]
    {
        "Certificate/enmasse-admission", "Certificate/enmasse-admission-ca", "ClusterRole/enmasse-admission-catalog", "ClusterRoleBinding/enmasse-admission-catalog",
        "ConfigMap/enmasse-admission-policy", "Deployment/enmasse-admission", "Issuer/enmasse-admission-ca", "Issuer/enmasse-admission-selfsigned",
        "MutatingWebhookConfiguration/enmasse-admission", "PodDisruptionBudget/enmasse-admission", "Role/enmasse-admission-plans", "RoleBinding/enmasse-admission-plans",
        "Service/enmasse-admission", "ServiceAccount/enmasse-admission", "ValidatingWebhookConfiguration/enmasse-admission",
    })]
    [InlineData("secret", new[]
    {
        "ClusterRole/enmasse-admission-catalog", "ClusterRoleBinding/enmasse-admission-catalog", "ConfigMap/enmasse-admission-policy", "Deployment/enmasse-admission",
        "MutatingWebhookConfiguration/enmasse-admission", "PodDisruptionBudget/enmasse-admission", "Role/enmasse-admission-plans", "RoleBinding/enmasse-admission-plans",
        "Service/enmasse-admission", "ServiceAccount/enmasse-admission", "ValidatingWebhookConfiguration/enmasse-admission",
    })]
    [InlineData("selfManaged", new[]
    {
        "ClusterRole/enmasse-admission-catalog", "ClusterRole/enmasse-admission-webhook-ca", "ClusterRoleBinding/enmasse-admission-catalog", "ClusterRoleBinding/enmasse-admission-webhook-ca",
        "ConfigMap/enmasse-admission-policy", "Deployment/enmasse-admission", "MutatingWebhookConfiguration/enmasse-admission", "PodDisruptionBudget/enmasse-admission",
        "Role/enmasse-admission-certificates", "Role/enmasse-admission-plans", "RoleBinding/enmasse-admission-certificates", "RoleBinding/enmasse-admission-plans",
        "Secret/enmasse-admission-tls", "Service/enmasse-admission", "ServiceAccount/enmasse-admission", "ValidatingWebhookConfiguration/enmasse-admission",
    })]
    public void Each_certificate_mode_renders_these_objects(string mode, string[] expected) =>
        Assert.Equal(expected, ChartRender.Of(mode).KindsAndNames());

    [SkippableFact]
    public void The_background_audit_adds_its_flags_and_its_policyreport_role_and_nothing_else()
    {
        var off = ChartRender.Of("selfManaged");
        var on = ChartRender.Of("background-audit");
        Assert.Equal(
            ["ClusterRole/enmasse-admission-policyreports", "ClusterRoleBinding/enmasse-admission-policyreports"],
            on.KindsAndNames().Except(off.KindsAndNames()));
        Assert.Empty(off.KindsAndNames().Except(on.KindsAndNames()));
        var (settings, error) = ChartRender.ServerSettings(on.One("Deployment"), Helm.Namespace);
        Assert.True(settings is not null, error);
        Assert.True(settings.BackgroundAudit);
        Assert.Equal(600, settings.BackgroundAuditPeriodSeconds);
        Assert.False(ChartRender.ServerSettings(off.One("Deployment"), Helm.Namespace).Options!.BackgroundAudit);
    }

    [SkippableTheory]
    [MemberData(nameof(ChartVariant.Names), MemberType = typeof(ChartVariant))]
    public void The_webhook_configurations_call_the_service_port_and_paths_the_server_serves(string name)
    {
        var variant = ChartVariant.Named(name);
        var rendered = ChartRender.Of(variant);
        var service = rendered.One("Service");
        var deployment = rendered.One("Deployment");
        var servicePort = Assert.Single(service["spec"]!["ports"]!.AsArray())!;
        var containerPort = Assert.Single(Rendered.Container(deployment)["ports"]!.AsArray())!;
        Assert.Equal(Rendered.Str(servicePort, "targetPort"), Rendered.Str(containerPort, "name"));
        Assert.Equal(service["spec"]!["selector"]!.ToJsonString(), deployment["spec"]!["template"]!["metadata"]!["labels"]!.ToJsonString());

        foreach (var (kind, path) in new[] { ("ValidatingWebhookConfiguration", "/validate"), ("MutatingWebhookConfiguration", "/mutate") })
        {
            var hook = Assert.Single(rendered.One(kind)["webhooks"]!.AsArray())!;
            var target = hook["clientConfig"]!["service"]!;
            Assert.Equal(Rendered.Name(service), Rendered.Str(target, "name"));
            Assert.Equal(variant.Namespace, Rendered.Str(target, "namespace"));
            Assert.Equal(servicePort["port"]!.GetValue<int>(), target["port"]!.GetValue<int>());
            Assert.Equal(path, Rendered.Str(target, "path"));
            Assert.Contains(path, ChartRender.Routes);
            Assert.True(Rendered.Str(hook, "name")!.Split('.').Length >= 3, "the API server requires a qualified webhook name");
            Assert.Equal("None", Rendered.Str(hook, "sideEffects"));
            Assert.Equal("Equivalent", Rendered.Str(hook, "matchPolicy"));
            Assert.Equal(["v1", "v1beta1"], hook["admissionReviewVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
            Assert.Equal(5, hook["timeoutSeconds"]!.GetValue<int>());
            Assert.Equal(kind.StartsWith("Validating", StringComparison.Ordinal) ? "Fail" : "Ignore", Rendered.Str(hook, "failurePolicy"));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ChartVariant.Names), MemberType = typeof(ChartVariant))]
    public void The_webhooks_see_exactly_the_tenant_kinds_and_never_the_excluded_namespaces(string name)
    {
        var variant = ChartVariant.Named(name);
        var rendered = ChartRender.Of(variant);
        var excluded = new List<string> { "kube-system" };
        if (variant.Values.FirstOrDefault(v => v.StartsWith("webhook.excludedNamespaces=", StringComparison.Ordinal)) is { } list)
        {
            excluded = [.. list["webhook.excludedNamespaces=".Length..].Trim('{', '}').Split(',')];
        }

        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" })
        {
            var hook = Assert.Single(rendered.One(kind)["webhooks"]!.AsArray())!;
            var selector = Assert.Single(hook["namespaceSelector"]!["matchExpressions"]!.AsArray())!;
            Assert.Equal("kubernetes.io/metadata.name", Rendered.Str(selector, "key"));
            Assert.Equal("NotIn", Rendered.Str(selector, "operator"));
            Assert.Equal([.. excluded, variant.Namespace], selector["values"]!.AsArray().Select(v => v!.GetValue<string>()));

            // Every (group, version, resource) the API server sends is a tenant kind the engine
            // resolves, and every tenant kind is sent.
            var seen = new HashSet<ResourceKind>();
            foreach (var rule in hook["rules"]!.AsArray())
            {
                Assert.Equal(["CREATE", "UPDATE"], rule!["operations"]!.AsArray().Select(v => v!.GetValue<string>()));
                Assert.Equal("Namespaced", Rendered.Str(rule, "scope"));
                foreach (var group in rule["apiGroups"]!.AsArray().Select(v => v!.GetValue<string>()))
                {
                    foreach (var version in rule["apiVersions"]!.AsArray().Select(v => v!.GetValue<string>()))
                    {
                        foreach (var resource in rule["resources"]!.AsArray().Select(v => v!.GetValue<string>()))
                        {
                            var tenant = Enum.GetValues<ResourceKind>().Where(k => k.IsTenant() && Plural(k) == resource).ToList();
                            Assert.True(tenant.Count == 1 && KnownKinds.TryResolve($"{group}/{version}", tenant[0].ToString(), out _), $"{group}/{version} {resource} is not a tenant kind the engine judges");
                            seen.Add(tenant[0]);
                        }
                    }
                }
            }

            Assert.Equal(Enum.GetValues<ResourceKind>().Where(k => k.IsTenant()).Order(), seen.Order());
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ChartVariant.Names), MemberType = typeof(ChartVariant))]
    public void Rbac_is_exactly_what_the_catalogue_and_the_certificate_mode_need(string name)
    {
        var variant = ChartVariant.Named(name);
        var rendered = ChartRender.Of(variant);
        var deployment = rendered.One("Deployment");
        var (settings, error) = ChartRender.ServerSettings(deployment, variant.Namespace);
        Assert.True(settings is not null, error);

        var expected = new SortedSet<string>(StringComparer.Ordinal);
        if (settings.CatalogSource == CatalogSource.Cluster)
        {
            var infra = variant.Values.FirstOrDefault(v => v.StartsWith("infraNamespace=", StringComparison.Ordinal))?["infraNamespace=".Length..] ?? "enmasse-infra";
            foreach (var resource in WatchedResource.All)
            {
                foreach (var verb in new[] { "list", "watch" })
                {
                    expected.Add($"{(resource.InfraNamespaceOnly ? "Role@" + infra : "ClusterRole")} {resource.Group}/{resource.Plural} {verb}");
                }
            }
        }

        if (settings.BackgroundAudit)
        {
            // What PolicyReportPublisher calls: a list by label across namespaces, create, replace (update) and delete.
            foreach (var verb in new[] { "list", "create", "update", "delete" })
            {
                expected.Add($"ClusterRole {PolicyReports.Group}/{PolicyReports.Plural} {verb}");
            }
        }

        if (settings.CertMode == CertMode.SelfManaged)
        {
            foreach (var verb in new[] { "get", "update" })
            {
                expected.Add($"Role@{variant.Namespace} /secrets/{settings.SelfManagedSecret} {verb}");
            }

            foreach (var kind in new[] { "validatingwebhookconfigurations", "mutatingwebhookconfigurations" })
            {
                foreach (var verb in new[] { "get", "patch" })
                {
                    expected.Add($"ClusterRole admissionregistration.k8s.io/{kind}/{settings.WebhookConfiguration} {verb}");
                }
            }
        }

        Assert.Equal(expected, Granted(rendered, variant));
        var account = rendered.One("ServiceAccount");
        Assert.Equal(expected.Count > 0, account["automountServiceAccountToken"]!.GetValue<bool>());
        Assert.Equal(expected.Count > 0, deployment["spec"]!["template"]!["spec"]!["automountServiceAccountToken"]!.GetValue<bool>());
    }

    [SkippableTheory]
    [MemberData(nameof(ChartVariant.Names), MemberType = typeof(ChartVariant))]
    public void Probes_ports_mounts_and_flags_are_what_the_server_serves_and_accepts(string name)
    {
        var variant = ChartVariant.Named(name);
        var rendered = ChartRender.Of(variant);
        var deployment = rendered.One("Deployment");
        var container = Rendered.Container(deployment);
        var (settings, error) = ChartRender.ServerSettings(deployment, variant.Namespace);
        Assert.True(settings is not null, $"the server would not start with the chart's flags: {error}");

        var port = Assert.Single(container["ports"]!.AsArray())!;
        Assert.Equal(settings.Port, port["containerPort"]!.GetValue<int>());
        foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
        {
            var get = container[probe]!["httpGet"]!;
            Assert.Contains(Rendered.Str(get, "path")!, ChartRender.Routes);
            Assert.Equal(Rendered.Str(port, "name"), Rendered.Str(get, "port"));
            Assert.Equal("HTTPS", Rendered.Str(get, "scheme"));
        }

        Assert.Equal("/readyz", Rendered.Str(container, "readinessProbe", "httpGet", "path"));
        var mounts = container["volumeMounts"]!.AsArray().ToDictionary(m => Rendered.Str(m, "name")!, m => Rendered.Str(m, "mountPath")!);
        Assert.Equal(settings.Policies, mounts["policy"]);
        Assert.Equal(settings.CertDir, mounts["certs"]);
        var selfManaged = variant.Mode == "selfManaged";
        Assert.Equal(selfManaged ? CertMode.SelfManaged : CertMode.Files, settings.CertMode);
        if (selfManaged)
        {
            Assert.Equal(Rendered.Name(rendered.One("Service")), settings.Service);
            Assert.Equal(Rendered.Name(rendered.One("ValidatingWebhookConfiguration")), settings.WebhookConfiguration);
            Assert.Equal(Rendered.Name(rendered.One("MutatingWebhookConfiguration")), settings.WebhookConfiguration);
            var secret = rendered.One("Secret", settings.SelfManagedSecret!);
            Assert.Null(secret["data"]);
            Assert.Null(secret["stringData"]);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ChartVariant.Names), MemberType = typeof(ChartVariant))]
    public void The_ca_bundle_comes_from_the_certificate_mode_and_only_from_it(string name)
    {
        var variant = ChartVariant.Named(name);
        var rendered = ChartRender.Of(variant);
        foreach (var kind in new[] { "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" })
        {
            var configuration = rendered.One(kind);
            var bundle = Rendered.Str(Assert.Single(configuration["webhooks"]!.AsArray()), "clientConfig", "caBundle");
            var inject = Rendered.Str(configuration, "metadata", "annotations", "cert-manager.io/inject-ca-from");
            switch (variant.Mode)
            {
                case "certManager":
                    Assert.Null(bundle);
                    var certificate = rendered.One("Certificate", inject!.Split('/')[1]);
                    Assert.Equal(variant.Namespace, inject.Split('/')[0]);
                    var secretName = Rendered.Str(certificate, "spec", "secretName");
                    Assert.Equal(secretName, Rendered.Str(rendered.One("Deployment")["spec"]!["template"]!["spec"]!["volumes"]!.AsArray().Single(v => Rendered.Str(v, "name") == "certs"), "secret", "secretName"));
                    Assert.Contains($"{Rendered.Name(rendered.One("Service"))}.{variant.Namespace}.svc", certificate["spec"]!["dnsNames"]!.AsArray().Select(d => d!.GetValue<string>()));
                    break;
                case "secret":
                    Assert.Null(inject);
                    Assert.Equal(ChartVariant.CaBundle, bundle);
                    break;
                default:
                    // Published by the webhook at run time; rendering one would wipe it on upgrade.
                    Assert.Null(inject);
                    Assert.Null(bundle);
                    break;
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ChartVariant.Names), MemberType = typeof(ChartVariant))]
    public void A_disruption_budget_exists_only_where_it_cannot_block_a_drain(string name)
    {
        var variant = ChartVariant.Named(name);
        var rendered = ChartRender.Of(variant);
        var budgets = rendered.OfKind("PodDisruptionBudget").ToList();
        var deployment = rendered.One("Deployment");
        var autoscaled = rendered.OfKind("HorizontalPodAutoscaler").SingleOrDefault();
        var replicas = autoscaled is null ? deployment["spec"]!["replicas"]!.GetValue<int>() : autoscaled["spec"]!["minReplicas"]!.GetValue<int>();
        Assert.Equal(variant.MinReplicas, replicas);
        if (autoscaled is not null)
        {
            // Helm must not fight the autoscaler over the replica count.
            Assert.Null(deployment["spec"]!["replicas"]);
            Assert.Equal(Rendered.Name(deployment), Rendered.Str(autoscaled, "spec", "scaleTargetRef", "name"));
        }

        if (replicas < 2)
        {
            Assert.Empty(budgets);
            return;
        }

        var spec = Assert.Single(budgets)["spec"]!;
        Assert.Equal(deployment["spec"]!["selector"]!.ToJsonString(), spec["selector"]!.ToJsonString());
        if (spec["minAvailable"] is { } min)
        {
            Assert.Null(spec["maxUnavailable"]);
            Assert.True(min.GetValue<int>() < replicas, $"minAvailable {min} with {replicas} replicas blocks drains");
        }
        else
        {
            Assert.True(spec["maxUnavailable"]!.GetValue<int>() >= 1);
        }
    }

    [SkippableTheory]
    [InlineData("certManager", "registry.example.com/platform/enmasse-admission:0.1.0", 5)]
    [InlineData("image-digest", "registry.example.com/platform/enmasse-admission@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 5)]
    [InlineData("kubernetes-1.29", "registry.example.com/platform/enmasse-admission:0.1.0", 0)]
    [InlineData("no-shutdown-delay", "registry.example.com/platform/enmasse-admission:0.1.0", 0)]
    public void The_pod_runs_the_given_image_and_pauses_before_stopping_where_the_cluster_can(string name, string image, int pause)
    {
        var pod = ChartRender.Of(name).One("Deployment")["spec"]!["template"]!["spec"]!;
        var container = Rendered.Container(ChartRender.Of(name).One("Deployment"));
        Assert.Equal(image, Rendered.Str(container, "image"));
        Assert.Equal(pause, container["lifecycle"]?["preStop"]?["sleep"]?["seconds"]?.GetValue<int>() ?? 0);
        Assert.True(pod["terminationGracePeriodSeconds"]!.GetValue<int>() >= pause + 15 + 5, "the grace period covers the pause and the server's 15 s drain");
    }

    [SkippableFact]
    public void Resources_and_scheduling_values_reach_the_pod()
    {
        var deployment = ChartRender.Of("resources-and-scheduling").One("Deployment");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        Assert.Equal("""{"limits":{"cpu":1,"memory":"512Mi"},"requests":{"cpu":"250m","memory":"128Mi"}}""", Rendered.Container(deployment)["resources"]!.ToJsonString());
        Assert.Equal("""[{"name":"regcred"}]""", pod["imagePullSecrets"]!.ToJsonString());
        Assert.Equal("""{"kubernetes.io/os":"linux"}""", pod["nodeSelector"]!.ToJsonString());
        Assert.Equal("""[{"effect":"NoSchedule","key":"dedicated","operator":"Equal","value":"platform"}]""", pod["tolerations"]!.ToJsonString());
    }

    [SkippableTheory]
    [InlineData("certManager")]
    [InlineData("replicas-1")]
    [InlineData("existing-configmap")]
    public void The_install_notes_name_what_was_installed_and_a_bypass_that_works(string name)
    {
        var variant = ChartVariant.Named(name);
        var install = Helm.Run(["install", "--dry-run=client", Helm.Release, ChartTools.ChartDir, "--namespace", Helm.Namespace, .. variant.Values]);
        Assert.True(install.ExitCode == 0, install.Describe());
        var notes = install.Stdout[install.Stdout.IndexOf("NOTES:", StringComparison.Ordinal)..];
        var rendered = ChartRender.Of(variant);
        Assert.Contains($"kubectl -n {variant.Namespace} rollout status deployment/{Rendered.Name(rendered.One("Deployment"))}", notes, StringComparison.Ordinal);
        Assert.Contains($"mutatingwebhookconfiguration {Rendered.Name(rendered.One("ValidatingWebhookConfiguration"))}", notes, StringComparison.Ordinal);
        Assert.Equal(Rendered.Name(rendered.One("ValidatingWebhookConfiguration")), Rendered.Name(rendered.One("MutatingWebhookConfiguration")));
        var policy = Rendered.Str(rendered.One("Deployment")["spec"]!["template"]!["spec"]!["volumes"]!.AsArray().Single(v => Rendered.Str(v, "name") == "policy"), "configMap", "name");
        Assert.Contains($"ConfigMap {policy}", notes, StringComparison.Ordinal);
        Assert.Equal(variant.MinReplicas < 2, notes.Contains("Warning: one replica", StringComparison.Ordinal));

        // Where to see what it warned about: the log of the rendered Deployment, its port, and the metric names (the webhook tests read both series from /metrics).
        Assert.Contains($"kubectl -n {variant.Namespace} logs deployment/{Rendered.Name(rendered.One("Deployment"))}", notes, StringComparison.Ordinal);
        var port = rendered.One("Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]!.GetValue<int>();
        Assert.Contains($"port-forward deployment/{Rendered.Name(rendered.One("Deployment"))} 8443:{port}", notes, StringComparison.Ordinal);
        Assert.Contains("enmasse_admission_findings_total", notes, StringComparison.Ordinal);
        Assert.Contains("enmasse_admission_trusted_overrides_total", notes, StringComparison.Ordinal);

        // The bypass it prints is a value that really turns the validating webhook fail-open.
        Assert.Contains("--set webhook.validatingFailurePolicy=Ignore", notes, StringComparison.Ordinal);
        var bypassed = Helm.Template([.. variant.Values, "--set", "webhook.validatingFailurePolicy=Ignore"]);
        Assert.Equal("Ignore", Rendered.Str(Assert.Single(bypassed.One("ValidatingWebhookConfiguration")["webhooks"]!.AsArray()), "failurePolicy"));
    }

    /// <summary>Every rule granted to the webhook's service account, as "Role@ns group/resource[/name] verb"; bindings must point at rendered roles.</summary>
    private static SortedSet<string> Granted(Rendered rendered, ChartVariant variant)
    {
        var granted = new SortedSet<string>(StringComparer.Ordinal);
        var bound = new HashSet<string>();
        foreach (var binding in rendered.OfKind("RoleBinding").Concat(rendered.OfKind("ClusterRoleBinding")))
        {
            var subject = Assert.Single(binding["subjects"]!.AsArray())!;
            Assert.Equal("ServiceAccount", Rendered.Str(subject, "kind"));
            Assert.Equal(Rendered.Name(rendered.One("ServiceAccount")), Rendered.Str(subject, "name"));
            Assert.Equal(variant.Namespace, Rendered.Str(subject, "namespace"));
            var kind = Rendered.Str(binding, "roleRef", "kind")!;
            var role = rendered.One(kind, Rendered.Str(binding, "roleRef", "name")!);
            var ns = Rendered.Str(role, "metadata", "namespace") ?? variant.Namespace;
            Assert.Equal(ns, Rendered.Str(binding, "metadata", "namespace") ?? variant.Namespace);
            bound.Add($"{kind}/{Rendered.Name(role)}");
            foreach (var rule in role["rules"]!.AsArray())
            {
                var names = rule!["resourceNames"]?.AsArray().Select(n => "/" + n!.GetValue<string>()).ToList() ?? [string.Empty];
                foreach (var group in rule["apiGroups"]!.AsArray())
                {
                    foreach (var resource in rule["resources"]!.AsArray())
                    {
                        foreach (var verb in rule["verbs"]!.AsArray())
                        {
                            foreach (var resourceName in names)
                            {
                                granted.Add($"{(kind == "Role" ? "Role@" + ns : "ClusterRole")} {group}/{resource}{resourceName} {verb}");
                            }
                        }
                    }
                }
            }
        }

        Assert.Equal(rendered.OfKind("Role").Concat(rendered.OfKind("ClusterRole")).Select(r => $"{Rendered.Str(r, "kind")}/{Rendered.Name(r)}").Order(), bound.Order());
        return granted;
    }

    private static string Plural(ResourceKind kind) => kind.ToString().ToLowerInvariant() + (kind.ToString().EndsWith('s') ? "es" : "s");
}

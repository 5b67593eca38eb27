namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// The policy the chart mounts is the policy `enmasse-policy policy check` reads: the rendered
/// ConfigMap is written out as kubelet writes a ConfigMap volume (its items, a timestamped folder,
/// ..data and links) and loaded through the real PolicyLoader.
/// </summary>
public sealed class ChartPolicyTests
{
    [SkippableFact]
    public void The_default_policy_is_the_projects_policies_folder()
    {
        var mounted = PolicyVolume.Mount(ChartRender.Of("certManager"));
        try
        {
            Assert.Equal(["plans/address-plans.yaml", "plans/address-space-plans.yaml", "plans/authentication-services.yaml", "plans/infra-configs.yaml", "policy.yaml"], PolicyVolume.Files(mounted));
            AssertSamePolicy(Path.Combine(Repo.Root, "policies"), mounted);
        }
        finally
        {
            Directory.Delete(mounted, recursive: true);
        }
    }

    [SkippableFact]
    public void A_platform_policy_given_with_set_file_is_mounted_as_policy_check_reads_it()
    {
        var mounted = PolicyVolume.Mount(ChartRender.Of("own-policy-set-file"));
        try
        {
            AssertPlatformPolicy(mounted);
        }
        finally
        {
            Directory.Delete(mounted, recursive: true);
        }
    }

    [SkippableFact]
    public void A_chart_whose_policies_folder_is_replaced_takes_exactly_the_files_policy_check_reads()
    {
        // As a platform team packaging the chart with its own folder: yml, json, subfolders and
        // names with spaces are taken; a README, hidden folders, tests/ and other files are not.
        var copy = ChartCopy.Make(PlatformPolicy.Dir);
        try
        {
            var mounted = PolicyVolume.Mount(Helm.Template(ChartVariant.Named("certManager").Values, chart: copy));
            try
            {
                AssertPlatformPolicy(mounted);
            }
            finally
            {
                Directory.Delete(mounted, recursive: true);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }

    [SkippableFact]
    public void The_packaged_chart_carries_the_same_policy()
    {
        // helm package follows the policies/ link; what a platform pushes to its chart registry
        // must mount the policy the repository's chart does.
        var output = Path.Combine(Path.GetTempPath(), "enmasse-package-" + Guid.NewGuid().ToString("N"));
        try
        {
            var package = Helm.Run(["package", ChartTools.ChartDir, "--destination", output]);
            Assert.True(package.ExitCode == 0, package.Describe());
            var packaged = Helm.Template(ChartVariant.Named("certManager").Values, chart: Assert.Single(Directory.GetFiles(output, "*.tgz")));
            Assert.Equal(ChartRender.Of("certManager").One("ConfigMap").ToJsonString(), packaged.One("ConfigMap").ToJsonString());
        }
        finally
        {
            // Without helm the test is skipped before the package folder exists.
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [SkippableFact]
    public void An_existing_configmap_is_mounted_with_its_items_and_no_chart_configmap()
    {
        var rendered = ChartRender.Of("existing-configmap");
        Assert.Empty(rendered.OfKind("ConfigMap"));
        var template = rendered.One("Deployment")["spec"]!["template"]!;
        Assert.Null(template["metadata"]!["annotations"]);
        var volume = template["spec"]!["volumes"]!.AsArray().Single(v => Rendered.Str(v, "name") == "policy")!;
        Assert.Equal("""{"name":"platform-policy","items":[{"key":"policy.yaml","path":"policy.yaml"},{"key":"plans.queues.yaml","path":"plans/queues.yaml"}]}""", volume["configMap"]!.ToJsonString());
    }

    [SkippableFact]
    public void A_policy_edit_changes_the_pod_template_so_helm_upgrade_rolls_the_pods()
    {
        static string? Checksum(Rendered r) => Rendered.Str(r.One("Deployment"), "spec", "template", "metadata", "annotations", "checksum/policy");
        Assert.NotNull(Checksum(ChartRender.Of("secret")));
        Assert.NotEqual(Checksum(ChartRender.Of("secret")), Checksum(ChartRender.Of("own-policy-set-file")));
    }

    internal static void AssertPlatformPolicy(string mounted)
    {
        Assert.Equal(PlatformPolicy.ReadFiles, PolicyVolume.Files(mounted));
        AssertSamePolicy(PlatformPolicy.Dir, mounted);
        Assert.Subset(PlatformPolicy.Load(mounted).Published.AddressPlans.Select(p => p.Name).ToHashSet(), PlatformPolicy.ExtraPlans.ToHashSet());
    }

    /// <summary>Every mounted file byte for byte as in the source, and the same catalogue through PolicyLoader.</summary>
    private static void AssertSamePolicy(string source, string mounted)
    {
        foreach (var file in PolicyVolume.Files(mounted))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(source, file)), File.ReadAllBytes(Path.Combine(mounted, file)));
        }

        var expected = PlatformPolicy.Load(source);
        var actual = PlatformPolicy.Load(mounted);
        Assert.Equal(expected.Policy.Name, actual.Policy.Name);
        Assert.Equal(expected.Published.AddressPlans, actual.Published.AddressPlans);
        Assert.Equal(expected.Published.AddressSpacePlans.Select(p => p.Name), actual.Published.AddressSpacePlans.Select(p => p.Name));
        Assert.Equal(expected.Published.AuthenticationServices.Order(), actual.Published.AuthenticationServices.Order());
        Assert.Equal(expected.Published.Counts, actual.Published.Counts);
    }
}

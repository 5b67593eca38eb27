namespace EnMasse.Cli.Tests;

/// <summary>validate on a GitOps repository as it is: charts, kustomize overlays, other tools' policies, a config file at the root.</summary>
public sealed class GitOpsTests
{
    private const string Template = """
        apiVersion: enmasse.io/v1beta1
        kind: MessagingUser
        metadata:
          name: "{{ .Values.space }}.app"
          namespace: {{ .Release.Namespace }}
        spec:
          username: app
          authentication: { type: password, password: {{ .Values.password | b64enc }} }
        """;

    [Fact]
    public void Helm_templates_are_skipped_with_the_command_that_checks_their_output()
    {
        using var run = new CliRun();
        run.Write("charts/msg/Chart.yaml", "apiVersion: v2\nname: msg\nversion: 0.1.0\n");
        run.Write("charts/msg/templates/user.yaml", Template);
        run.Write("charts/msg/templates/other.yaml", "kind: ConfigMap\ndata: {a: '{{ .Values.a }}'}\n");
        run.Write("team1/space.yaml", Files.Space);
        var (exit, output, _) = run.Run("validate", ".");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("user.name", output, StringComparison.Ordinal);
        Assert.Contains("charts/msg: note: 2 Helm templates skipped (not YAML until rendered); check the rendered output: helm template charts/msg | enmasse-policy validate --stdin-name charts/msg -", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Exclude_leaves_out_what_a_walk_finds_but_not_a_file_named_on_the_command_line()
    {
        using var run = new CliRun();
        run.Write("team1/space.yaml", Files.Space);
        run.Write("vendor/bad/queue.yaml", Files.BadAddress);
        run.Write("team1/generated.yaml", Files.BadAddress);
        Assert.Equal(1, run.Run("validate", ".").Exit);
        var (exit, output, _) = run.Run("validate", "--exclude", "vendor", "--exclude", "**/generated.yaml", ".");
        Assert.Equal(0, exit);
        Assert.Contains("1 file, 1 resource", output, StringComparison.Ordinal);
        Assert.Equal(1, run.Run("validate", "--exclude", "vendor", "vendor/bad/queue.yaml", "team1/space.yaml").Exit);
    }

    [Fact]
    public void The_repository_configuration_gives_paths_excludes_policy_and_namespace()
    {
        using var run = new CliRun();
        run.Write(".git/HEAD", "ref: refs/heads/main\n");
        run.Write(".enmasse-policy.yaml", "paths: [apps]\nexclude: [apps/vendor]\npolicies: builtin\nnamespace: team1\n");
        run.Write("apps/space.yaml", Files.Space.Replace("  namespace: team1\n", string.Empty, StringComparison.Ordinal));
        run.Write("apps/queue.yaml", Files.GoodAddress);
        run.Write("apps/vendor/queue.yaml", Files.BadAddress);
        run.Write("policies/require-labels.yaml", "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: { name: x }\n");
        var (exit, output, error) = run.Run("validate");
        Assert.True(exit == 0, output + error);
        Assert.Contains("2 files, 2 resources: 0 errors", output, StringComparison.Ordinal);

        // From a subdirectory, the same file is found and its paths stay relative to it.
        run.Write("apps/sub/readme.yaml", "a: 1\n");
        Assert.Equal(0, Run(run, "apps/sub", "validate").Exit);
    }

    [Fact]
    public void An_invalid_configuration_is_reported_with_its_position_and_exits_2()
    {
        using var run = new CliRun();
        run.Write(".enmasse-policy.yaml", "exclude: charts\nnamepsace: team1\n");
        var (exit, _, error) = run.Run("validate");
        Assert.Equal(2, exit);
        Assert.Contains(".enmasse-policy.yaml:1:10: error schema.type", error, StringComparison.Ordinal);
        Assert.Contains(".enmasse-policy.yaml:2:1: error schema.unknown-field", error, StringComparison.Ordinal);
        Assert.Contains("did you mean \"namespace\"?", error, StringComparison.Ordinal);
        var (schemaExit, schema, _) = run.Run("policy", "schema", "config");
        Assert.Equal(0, schemaExit);
        Assert.Contains("\"exclude\"", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policies_folder_of_another_tool_falls_back_to_the_built_in_policy_with_a_note()
    {
        using var run = new CliRun();
        run.Write("policies/require-labels.yaml", "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: { name: x }\n");
        run.Write("apps/space.yaml", Files.Space);
        var (exit, output, _) = run.Run("validate", "apps");
        Assert.Equal(0, exit);
        Assert.Contains("policies: note: holds no AdmissionPolicy (policy.yaml), so the built-in policy is used", output, StringComparison.Ordinal);
        Assert.Equal(0, run.Run("validate", "--policies", "builtin", "apps").Exit);
    }

    [Fact]
    public void Standard_input_can_be_named_and_empty_input_is_a_usage_error()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.RunWithInput(Files.BadAddress, "validate", "--stdin-name", "charts/msg", "-");
        Assert.Equal(1, exit);
        Assert.Contains("charts/msg:9:9: error address.plan", output, StringComparison.Ordinal);

        var (emptyExit, emptyOut, error) = run.RunWithInput("\n  \n# only a comment\n", "validate", "-");
        Assert.Equal(2, emptyExit);
        Assert.Equal(string.Empty, emptyOut);
        Assert.Contains("standard input is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_without_enmasse_objects_warns()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.RunWithInput("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n", "validate", "-");
        Assert.Equal(0, exit);
        Assert.Contains("warning: no EnMasse objects (AddressSpace, Address, MessagingUser) in 1 file; nothing was judged", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_space_without_a_namespace_is_named_as_the_cause_of_the_cascade()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space.Replace("  namespace: team1\n", string.Empty, StringComparison.Ordinal));
        run.Write("queue.yaml", Files.GoodAddress);
        var (exit, output, _) = run.Run("validate", ".");
        Assert.Equal(1, exit);
        Assert.Contains("queue.yaml:4:9: error address.space", output, StringComparison.Ordinal);
        Assert.Contains("space.yaml:3:1: warning: AddressSpace \"myspace\" names no metadata.namespace, so it was judged in namespace \"default\", while 1 finding looks for it in namespace \"team1\": set metadata.namespace: team1 or pass --namespace team1", output, StringComparison.Ordinal);
        Assert.Equal(0, run.Run("validate", "--namespace", "team1", ".").Exit);
    }

    [SkippableFact]
    public void A_kustomize_overlay_is_checked_as_kubectl_renders_it()
    {
        Skip.If(Kubectl.Path is null, Kubectl.SkipReason);
        using var run = new CliRun();
        run.Environment = name => name == "PATH" ? Path.GetDirectoryName(Kubectl.Path) : null;
        run.Write("apps/team4/base/kustomization.yaml", "namespace: team4\nresources: [space.yaml]\n");
        run.Write("apps/team4/base/space.yaml", Files.Space.Replace("  namespace: team1\n", string.Empty, StringComparison.Ordinal));
        run.Write("apps/team4/overlays/prod/kustomization.yaml", "resources: [../../base]\npatches:\n  - target: { kind: AddressSpace, name: myspace }\n    patch: |\n      - op: replace\n        path: /spec/plan\n        value: standard-mediun\n");
        var (exit, output, _) = run.Run("validate", "apps");
        Assert.Equal(1, exit);
        Assert.Contains("apps/team4/overlays/prod (kustomize):", output, StringComparison.Ordinal);
        Assert.Contains("error addressspace.plan: address space plan \"standard-mediun\" is not published", output, StringComparison.Ordinal);
        Assert.Contains("did you mean \"standard-medium\"?", output, StringComparison.Ordinal);
        Assert.Contains("1 resource", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_kubectl_a_kustomization_is_named_with_the_pipe_to_use()
    {
        using var run = new CliRun();
        run.Environment = name => name == "PATH" ? run.Directory : null;
        run.Write("overlay/kustomization.yaml", "resources: [space.yaml]\n");
        run.Write("overlay/space.yaml", Files.Space);
        run.Write("plain/space.yaml", Files.Space);
        var (exit, output, _) = run.Run("validate", ".");
        Assert.Equal(0, exit);
        Assert.Contains("overlay: warning: holds a kustomization and kubectl is not on PATH, so it was not checked; check what it builds with: kubectl kustomize overlay | enmasse-policy validate --stdin-name overlay -", output, StringComparison.Ordinal);
        Assert.Contains("1 file, 1 resource", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Out, string Error) Run(CliRun run, string subdirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new Console.CliConsole(new MemoryStream(), output, error, false, run.Environment, Path.Combine(run.Directory, subdirectory));
        return (CliApp.Run(args, console), output.ToString(), error.ToString());
    }
}

/// <summary>kubectl for the tests that need its kustomize: from PATH, or where .ci/get-chart-tools puts it.</summary>
internal static class Kubectl
{
    public const string SkipReason = "kubectl not found on PATH or in .ci/cache/kubectl (run .ci/get-chart-tools)";

    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var cached = System.IO.Path.Combine(Repo.Root, ".ci", "cache", "kubectl", "kubectl");
        if (File.Exists(cached))
        {
            return cached;
        }

        var found = Repository.Kustomization.FindKubectl(Environment.GetEnvironmentVariable("PATH"));
        if (found is null && Environment.GetEnvironmentVariable("ENMASSE_CHART_TOOLS_REQUIRED") == "1")
        {
            throw new InvalidOperationException("ENMASSE_CHART_TOOLS_REQUIRED=1 but " + SkipReason);
        }

        return found;
    }
}

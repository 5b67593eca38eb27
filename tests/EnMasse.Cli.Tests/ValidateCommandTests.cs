using System.Text.Json;
using Snapshooter;
using Snapshooter.Xunit;

namespace EnMasse.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void An_error_finding_exits_1_with_file_line_and_column()
    {
        using var run = new CliRun();
        run.Write("repo/space.yaml", Files.Space);
        run.Write("repo/queue.yaml", Files.BadAddress);
        var (exit, output, _) = run.Run("validate", "repo");
        Assert.Equal(1, exit);
        Assert.Contains("repo/queue.yaml:9:9: error address.plan: address plan \"standard-huge-queue\" is not published", output, StringComparison.Ordinal);
        Assert.EndsWith("2 files, 2 resources: 1 error, 0 warnings\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_change_exits_0_and_an_address_may_name_a_space_of_the_same_change()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        run.Write("queue.yaml", Files.GoodAddress);
        var (exit, output, _) = run.Run("validate", "space.yaml", "queue.yaml");
        Assert.Equal(0, exit);
        Assert.Contains("0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_space_the_address_is_denied()
    {
        using var run = new CliRun();
        run.Write("queue.yaml", Files.GoodAddress);
        var (exit, output, _) = run.Run("validate", "queue.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("address.space", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_without_enmasse_objects_are_skipped_and_counted()
    {
        using var run = new CliRun();
        run.Write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\n");
        run.Write("space.yaml", Files.Space);
        var (exit, output, _) = run.Run("validate", ".");
        Assert.Equal(0, exit);
        Assert.Contains("2 files (1 without EnMasse objects, skipped), 1 resource", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_folders_are_not_walked()
    {
        using var run = new CliRun();
        run.Write(".git/bad.yaml", Files.BadAddress);
        run.Write("space.yaml", Files.Space);
        Assert.Equal(0, run.Run("validate", ".").Exit);
    }

    [Fact]
    public void A_syntax_error_is_a_finding_and_exits_1()
    {
        using var run = new CliRun();
        run.Write("broken.yaml", "apiVersion: enmasse.io/v1beta1\nkind: [Address\n");
        var (exit, output, _) = run.Run("validate", "broken.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("broken.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("error yaml.syntax", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_read_with_dash()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.RunWithInput(Files.Space + "\n---\n" + Files.BadAddress, "validate", "-");
        Assert.Equal(1, exit);
        Assert.Contains("<stdin>:18:9: error address.plan", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_exits_2_with_a_clear_message()
    {
        using var run = new CliRun();
        var (exit, output, error) = run.Run("validate", "nope.yaml");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("nope.yaml: no such file or directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_yaml_exits_2()
    {
        using var run = new CliRun();
        run.Write("docs/readme.txt", "hello");
        var (exit, _, error) = run.Run("validate", "docs");
        Assert.Equal(2, exit);
        Assert.Contains("no .yaml, .yml or .json files", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--output", "xml")]
    [InlineData("--frobnicate")]
    [InlineData("--namespace")]
    public void Bad_flags_exit_2(params string[] flags)
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (exit, _, error) = run.Run(["validate", "space.yaml", .. flags]);
        Assert.Equal(2, exit);
        Assert.StartsWith("enmasse-policy validate: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_policy_exits_2_with_its_own_position()
    {
        using var run = new CliRun();
        run.Write("pol/policy.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  platfrom: kubernetes\n");
        run.Write("space.yaml", Files.Space);
        var (exit, _, error) = run.Run("validate", "--policies", "pol", "space.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("pol/policy.yaml:4:3: error schema.unknown-field", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_makes_warnings_fail()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space.Replace("  plan: standard-small", "  plan: standard-small\n  endpoints:\n    - { name: m, service: messaging, expose: { type: route, routeTlsTermination: passthrough } }", StringComparison.Ordinal));
        Assert.Equal(0, run.Run("validate", "space.yaml").Exit);
        Assert.Equal(1, run.Run("validate", "--strict", "space.yaml").Exit);
    }

    [Fact]
    public void A_catalog_object_turns_the_file_into_an_update()
    {
        using var run = new CliRun();
        run.Write("cluster.yaml", Files.Space);
        run.Write("space.yaml", Files.Space.Replace("type: standard", "type: brokered", StringComparison.Ordinal).Replace("standard-small", "brokered-single-broker", StringComparison.Ordinal));
        var (exit, output, _) = run.Run("validate", "--catalog", "cluster.yaml", "space.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("space.yaml:7:9: error addressspace.immutable", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_namespace_flag_places_objects_that_name_none()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space.Replace("  namespace: team1\n", string.Empty, StringComparison.Ordinal));
        run.Write("queue.yaml", Files.GoodAddress);
        Assert.Equal(1, run.Run("validate", ".").Exit);
        Assert.Equal(0, run.Run("validate", "--namespace", "team1", ".").Exit);
    }

    [Fact]
    public void Json_output_keeps_the_contract_field_names()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        run.Write("queue.yaml", Files.BadAddress);
        var (exit, output, _) = run.Run("validate", "--output", "json", ".");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("errors").GetInt32());
        var finding = root.GetProperty("findings")[0];
        foreach (var field in new[] { "rule", "severity", "message", "file", "line", "column", "kind", "namespace", "name", "path" })
        {
            Assert.True(finding.TryGetProperty(field, out _), field);
        }

        Assert.Equal(("queue.yaml", 9, 9, "spec.plan"), (finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32(), finding.GetProperty("path").GetString()));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("github")]
    [InlineData("junit")]
    [InlineData("sarif")]
    public void Every_format_is_rendered_from_the_same_findings(string format)
    {
        var (exit, output, _) = ValidateThreeFiles(format);
        Assert.Equal(1, exit);
        Snapshot.Match(output, SnapshotNameExtension.Create(format));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("github")]
    [InlineData("junit")]
    [InlineData("sarif")]
    public void No_format_ever_shows_a_password(string format)
    {
        var (exit, output, error) = ValidateThreeFiles(format);
        Assert.Equal(1, exit);
        Assert.Contains("user.authentication", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-p4ssw0rd!", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-p4ssw0rd!", error, StringComparison.Ordinal);
        Assert.Contains("user.yaml", output, StringComparison.Ordinal);
    }

    /// <summary>A space, an address with an unpublished plan and a user with a password and three faults.</summary>
    private static (int Exit, string Out, string Error) ValidateThreeFiles(string format)
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        run.Write("queue.yaml", Files.BadAddress);
        run.Write("user.yaml", Files.PasswordUser);
        return run.Run("validate", "--output", format, ".");
    }

    [Fact]
    public void Colour_is_used_only_on_a_terminal_without_no_color()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        run.Write("queue.yaml", Files.BadAddress);
        Assert.Contains("\u001b[31merror\u001b[0m", run.RunAs(string.Empty, true, _ => null, "validate", ".").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.RunAs(string.Empty, true, v => v == "NO_COLOR" ? "1" : null, "validate", ".").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.RunAs(string.Empty, true, _ => null, "validate", "--no-color", ".").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Run("validate", ".").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_file_gets_the_report_and_standard_output_the_summary()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (exit, output, _) = run.Run("validate", "--output", "sarif", "--output-file", "out.sarif", "space.yaml");
        Assert.Equal(0, exit);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(Path.Combine(run.Directory, "out.sarif")), StringComparison.Ordinal);
        Assert.StartsWith("1 file, 1 resource", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_example_gives_its_documented_findings()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.Run("validate", "--policies", Path.Combine(Repo.Root, "policies"), Path.Combine(Repo.Root, "examples", "tenant-repo"));
        Assert.Equal(1, exit);
        foreach (var rule in new[] { "schema.unknown-field", "address.plan", "address.name", "user.serviceaccount-namespace", "user.authorization" })
        {
            Assert.Contains($"error {rule}:", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("team1/", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_a_finding_not_a_crash()
    {
        using var run = new CliRun();
        var path = Path.Combine(run.Directory, "huge.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var (exit, output, _) = run.Run("validate", "huge.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("huge.yaml:1:1: error yaml.syntax: the file is 50 MiB; files over 16 MiB are not read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_and_alias_bombs_are_findings()
    {
        using var run = new CliRun();
        run.Write("deep.yaml", "a: " + new string('[', 10_000) + new string(']', 10_000));
        var bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + string.Concat(Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat("*" + (char)('a' + i - 1), 10))}]\n"));
        run.Write("bomb.yaml", bomb);
        var (exit, output, _) = run.Run("validate", ".");
        Assert.Equal(1, exit);
        Assert.Contains("deep.yaml:1:", output, StringComparison.Ordinal);
        Assert.Contains("too many aliases", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_finding()
    {
        using var run = new CliRun();
        File.WriteAllBytes(Path.Combine(run.Directory, "bad.yaml"), [0x61, 0x3A, 0x20, 0xC3, 0x28]);
        var (exit, output, _) = run.Run("validate", "bad.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("bad.yaml:1:4: error yaml.syntax: the file is not valid UTF-8 text", output, StringComparison.Ordinal);
    }
}

namespace EnMasse.Cli.Tests;

/// <summary>The command line as a user meets it: help, short flags, mistakes, completion, the kubectl plugin's name.</summary>
public sealed class CommandLineTests
{
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "validate" }, new[] { "mutate" }, new[] { "test" }, new[] { "policy" }, new[] { "policy", "check" },
        new[] { "policy", "schema" }, new[] { "rules" }, new[] { "explain" }, new[] { "certs" }, new[] { "completion" }, new[] { "help" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_short_and_long_help_that_ends_with_a_newline(string[] command)
    {
        using var run = new CliRun();
        var (exit, output, _) = run.Run([.. command, "-h"]);
        Assert.Equal(0, exit);
        Assert.Contains($"Usage:\n  enmasse-policy {string.Join(' ', command)}", output, StringComparison.Ordinal);
        Assert.EndsWith("\n", output, StringComparison.Ordinal);
        Assert.Equal(output, run.Run([.. command, "--help"]).Out);
    }

    [Fact]
    public void Help_command_prints_the_commands_own_help()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.Run("help", "validate");
        Assert.Equal(0, exit);
        Assert.Equal(run.Run("validate", "--help").Out, output);
        Assert.Contains("--strict", output, StringComparison.Ordinal);
        Assert.Contains("2  the run could not be made", output, StringComparison.Ordinal);
        Assert.Equal(run.Run("policy", "check", "--help").Out, run.Run("help", "policy", "check").Out);
        Assert.NotEqual(run.Run("policy", "check", "--help").Out, run.Run("policy", "schema", "--help").Out);
    }

    [Fact]
    public void A_mistyped_command_gets_a_did_you_mean_and_exit_2()
    {
        using var run = new CliRun();
        var (exit, output, error) = run.Run("valdate", ".");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("unknown command \"valdate\"; did you mean \"validate\"?", error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'enmasse-policy --help' for usage.\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_not_a_path()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (exit, _, error) = run.Run("validate", "--stirct", "space.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("unknown option --stirct; did you mean \"--strict\"?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_output_flag_and_boolean_values_with_equals_are_accepted()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (exit, output, _) = run.Run("validate", "-o", "json", "--strict=true", "space.yaml");
        Assert.Equal(0, exit);
        Assert.StartsWith("{", output, StringComparison.Ordinal);
        Assert.Equal(2, run.Run("validate", "-o", "xml", "space.yaml").Exit);
    }

    [Fact]
    public void Completion_suggests_commands_options_and_values_through_the_suggest_directive()
    {
        using var run = new CliRun();
        Assert.Equal(["validate"], Lines(run.Run("[suggest:3]", "val").Out));
        Assert.Contains("--strict", Lines(run.Run("[suggest:12]", "validate --s").Out));
        Assert.Equal(["github", "json", "junit", "sarif", "text"], Lines(run.Run("[suggest:12]", "validate -o ").Out).Order(StringComparer.Ordinal));
        Assert.Contains("address.plan", Lines(run.Run("[suggest:16]", "explain address.").Out));
        var (exit, script, _) = run.Run("completion", "bash");
        Assert.Equal(0, exit);
        Assert.Contains("complete -o default -F _enmasse_policy_complete enmasse-policy", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_as_the_kubectl_plugin_the_usage_names_kubectl()
    {
        using var run = new CliRun();
        var output = run.RunAsProgram("/home/u/.local/bin/kubectl-enmasse_policy", string.Empty, terminal: false, _ => null, "validate", "--help").Out;
        Assert.Contains("Usage:\n  kubectl enmasse-policy validate", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_namespace_option_refuses_a_value_that_is_not_a_namespace()
    {
        using var run = new CliRun();
        run.Write("team1/space.yaml", Files.Space);
        var (exit, output, error) = run.Run("validate", "--namespace", "team1/");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--namespace \"team1/\" is not a namespace name", error, StringComparison.Ordinal);
        Assert.Equal(0, run.Run("validate", "-n", "team1", "team1").Exit);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

namespace EnMasse.Cli.Tests;

/// <summary>--enmasse-version judges as another EnMasse release than the policy's spec.enmasseVersion.</summary>
public sealed class EnMasseVersionOptionTests
{
    private const string Redelivery = """
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata:
          name: myspace.q1
          namespace: team1
        spec:
          address: q1
          type: queue
          plan: standard-small-queue
          messageRedelivery: { maximumDeliveryAttempts: 3 }
        """;

    [Fact]
    public void Validate_judges_the_fields_of_the_chosen_release()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        run.Write("q1.yaml", Redelivery);
        var (exit, output, _) = run.Run("validate", ".");
        Assert.Equal(1, exit);
        Assert.Contains("q1.yaml:10:3: error schema.unknown-field: field \"spec.messageRedelivery\" is not defined for Address in EnMasse 0.31: EnMasse stores it and ignores it", output, StringComparison.Ordinal);

        var (exit33, output33, _) = run.Run("validate", "--enmasse-version", "0.33", ".");
        Assert.Equal(0, exit33);
        Assert.DoesNotContain("schema.unknown-field", output33, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("mutate")]
    public void A_release_outside_0_26_to_0_33_is_a_usage_error(string command)
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (exit, _, error) = run.Run(command, "--enmasse-version", "0.25", ".");
        Assert.Equal(2, exit);
        Assert.Contains($"enmasse-policy {command}: --enmasse-version must be one of 0.26, 0.27, 0.28, 0.29, 0.30, 0.31, 0.32, 0.33, not \"0.25\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutate_takes_the_option()
    {
        using var run = new CliRun();
        run.Write("q1.yaml", Redelivery);
        Assert.Equal(0, run.Run("mutate", "--enmasse-version", "0.33.1", "q1.yaml").Exit);
    }

    [Fact]
    public void Policy_schema_prints_the_chosen_release_s_field_set()
    {
        using var run = new CliRun();
        var (exit, output, _) = run.Run("policy", "schema", "Address", "--enmasse-version", "0.33");
        Assert.Equal(0, exit);
        Assert.Contains("messageRedelivery", output, StringComparison.Ordinal);
        Assert.Contains("Field set of EnMasse 0.33.", output, StringComparison.Ordinal);

        var (_, defaultOutput, _) = run.Run("policy", "schema", "Address");
        Assert.DoesNotContain("messageRedelivery", defaultOutput, StringComparison.Ordinal);
        Assert.Contains("Field set of EnMasse 0.31.", defaultOutput, StringComparison.Ordinal);
        Assert.Equal(2, run.Run("policy", "schema", "Address", "--enmasse-version", "1.0").Exit);
    }

    [Fact]
    public void Policy_schema_follows_the_local_policy_s_release()
    {
        using var run = new CliRun();
        run.WritePolicy("policies", "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  enmasseVersion: \"0.32\"\n");

        var (exit, output, _) = run.Run("policy", "schema", "Address");
        Assert.Equal(0, exit);
        Assert.Contains("messageTtl", output, StringComparison.Ordinal);
        Assert.Contains("EnMasse 0.32", run.Run("policy", "check").Out, StringComparison.Ordinal);
    }
}

using NJsonSchema;

namespace EnMasse.Cli.Tests;

public sealed class SarifSchemaTests
{
    private static async Task<JsonSchema> PublishedSchema()
    {
        using var stream = typeof(SarifSchemaTests).Assembly.GetManifestResourceStream("sarif-schema-2.1.0.json")!;
        using var reader = new StreamReader(stream);
        return await JsonSchema.FromJsonAsync(await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task The_sarif_report_is_valid_against_the_published_schema()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        run.Write("queue.yaml", Files.BadAddress);
        run.Write("user.yaml", Files.PasswordUser);
        run.Write("broken.yaml", "a: [\n");
        var (exit, output, _) = run.Run("validate", "--output", "sarif", ".");
        Assert.Equal(1, exit);
        var errors = (await PublishedSchema()).Validate(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task An_exempted_finding_is_a_valid_suppressed_result()
    {
        using var run = new CliRun();
        run.WritePolicy("pol", "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  exemptions:\n    - { rules: [address.plan] }\n");

        run.Write("space.yaml", Files.Space);
        run.Write("queue.yaml", Files.BadAddress);
        var (exit, output, _) = run.Run("validate", "--policies", "pol", "--output", "sarif", "space.yaml", "queue.yaml");
        Assert.Equal(0, exit);
        Assert.Contains("\"suppressions\"", output, StringComparison.Ordinal);
        Assert.Empty((await PublishedSchema()).Validate(output));
    }

    [Fact]
    public async Task The_schema_check_is_not_vacuous()
    {
        var errors = (await PublishedSchema()).Validate("""{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}""");
        Assert.NotEmpty(errors);
    }
}

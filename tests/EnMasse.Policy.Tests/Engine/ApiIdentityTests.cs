using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Engine;

/// <summary>Objects of EnMasse's API groups that the release does not serve, or whose kind is misspelt, are findings rather than "skipped".</summary>
public sealed class ApiIdentityTests
{
    private static string Object(string apiVersion, string kind) =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{ name: myspace.q9 }}\nspec: {{ address: q9, type: queue, plan: standard-small-queue }}\n";

    [Theory]
    [InlineData("enmasse.io/v1", "Address", "EnMasse 0.31 does not serve Address as enmasse.io/v1 (no release 0.26-0.33 did); it serves enmasse.io/v1beta1")]
    [InlineData("enmasse.io/v1beta2", "MessagingUser", "MessagingUser belongs to API group user.enmasse.io, not enmasse.io; use apiVersion user.enmasse.io/v1beta1")]
    [InlineData("enmasse.io/v1alpha1", "Address", "EnMasse 0.31 serves Address only as enmasse.io/v1beta1: its CRDs replaced the v1alpha1 API that EnMasse's own API server served up to 0.30; use apiVersion enmasse.io/v1beta1")]
    public void An_unserved_api_version_is_refused_and_judged_no_further(string apiVersion, string kind, string message)
    {
        var decision = TestEngine.Check(Object(apiVersion, kind));
        var finding = Assert.Single(decision.Findings);
        Assert.Equal((RuleIds.SchemaApiVersion, "apiVersion", 1, 13, message), (finding.Rule, finding.Path, finding.Line, finding.Column, finding.Message));
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Up_to_0_30_v1alpha1_is_served_and_judged()
    {
        var decision = TestEngine.Check(Object("enmasse.io/v1alpha1", "Address"), bundle: TestEngine.Release("0.30"));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
        Assert.Empty(decision.Findings);
    }

    [Theory]
    [InlineData("Adress", "Address")]
    [InlineData("address", "Address")]
    [InlineData("AdressSpace", "AddressSpace")]
    public void A_misspelt_kind_is_refused_with_the_nearest_kind(string kind, string nearest)
    {
        var finding = Assert.Single(TestEngine.Check(Object("enmasse.io/v1beta1", kind)).Findings);
        Assert.Equal((RuleIds.SchemaKind, "kind", 2, 7), (finding.Rule, finding.Path, finding.Line, finding.Column));
        Assert.Equal($"kind \"{kind}\" is not a kind of enmasse.io; did you mean \"{nearest}\"?", finding.Message);
    }

    [Fact]
    public void An_object_of_our_groups_without_a_kind_is_refused() =>
        Assert.Equal(RuleIds.SchemaKind, Assert.Single(TestEngine.Check("apiVersion: enmasse.io/v1beta1\nmetadata: { name: x }\n").Findings).Rule);

    [Theory]
    [InlineData("enmasse.io/v1beta1", "AddressSpaceSchema")]
    [InlineData("admin.enmasse.io/v1beta1", "ConsoleService")]
    [InlineData("iot.enmasse.io/v1alpha1", "IoTProject")]
    [InlineData("iot.enmasse.io/v1alpha1", "IoTConfig")]
    [InlineData("enmasse.io/v1beta2", "MessagingTenant")]
    [InlineData("enmasse.io/v1beta1", "AddressSpaceList")]
    [InlineData("enmasse.io/v1beta1", "Widget")]
    [InlineData("example.com/v1", "Adress")]
    public void Real_kinds_we_do_not_judge_and_other_groups_are_not_applicable(string apiVersion, string kind) =>
        Assert.False(new PolicyEngine(TestEngine.Shipped).Evaluate(
            EvaluationRequest.ForDocument(TestEngine.Single($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{ name: x }}\n"), Operation.Create, null, "team1", EnforcementPoint.Ci),
            TestEngine.Shipped.Published).Applies);

    [Fact]
    public void The_offline_check_reports_them_and_counts_no_file_as_skipped_that_holds_one()
    {
        var files = new[]
        {
            DocumentLoader.LoadText("v1.yaml", Object("enmasse.io/v1", "Address")),
            DocumentLoader.LoadText("schema.yaml", "apiVersion: enmasse.io/v1beta1\nkind: AddressSpaceSchema\nmetadata: { name: standard }\nspec: {}\n"),
        };
        var result = BatchValidator.Validate(TestEngine.Shipped, files, [DocumentLoader.LoadText("world.yaml", World.Team1)], "team1");
        var resource = Assert.Single(result.Resources);
        Assert.Equal("Address", resource.Resource.KindName);
        Assert.Equal(RuleIds.SchemaApiVersion, Assert.Single(result.Findings).Rule);
        Assert.Equal(1, result.SkippedFiles);
    }

    [Fact]
    public void A_list_inside_a_list_is_flattened_as_kubectl_does()
    {
        const string Nested = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: List
                items:
                  - { apiVersion: enmasse.io/v1beta1, kind: Address, metadata: { name: myspace.a1 }, spec: { address: a1, type: anycast, plan: standard-small-anycast } }
              - { apiVersion: enmasse.io/v1beta1, kind: Address, metadata: { name: myspace.a2 }, spec: { address: a2, type: anycast, plan: nope } }
            """;
        var result = BatchValidator.Validate(TestEngine.Shipped, [DocumentLoader.LoadText("nested.yaml", Nested)], [DocumentLoader.LoadText("world.yaml", World.Team1)], "team1");
        Assert.Equal(["myspace.a1", "myspace.a2"], result.Resources.Select(r => r.Resource.Name));
        Assert.Equal((RuleIds.AddressPlan, 8, 128), Assert.Single(result.Findings).Let(f => (f.Rule, f.Line, f.Column)));
    }
}

internal static class FindingTestExtensions
{
    public static T Let<T>(this Finding finding, Func<Finding, T> select) => select(finding);
}

using System.Text;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Policies;

/// <summary>spec.enmasseVersion, the release's address types, and plans EnMasse would treat as unknown (ground truth §4).</summary>
public sealed class PolicyReleaseTests
{
    private const string Header = "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\n";

    private const string Infra = "apiVersion: admin.enmasse.io/v1beta1\nkind: StandardInfraConfig\nmetadata: { name: std }\nspec: {}\n---\napiVersion: admin.enmasse.io/v1beta1\nkind: BrokeredInfraConfig\nmetadata: { name: brk }\nspec: {}\n";

    private const string Queue = "apiVersion: admin.enmasse.io/v1beta2\nkind: AddressPlan\nmetadata: { name: q }\nspec: { addressType: queue, resources: { router: 0.1, broker: 0.1 } }\n";

    private static PolicyLoadResult Load(string spec, params (string Path, string Text)[] plans)
    {
        var files = new List<PolicyFile> { new("policy.yaml", "policies/policy.yaml", Encoding.UTF8.GetBytes(Header + (spec.Length == 0 ? "spec: {}\n" : "spec:\n" + spec))) };
        files.AddRange(plans.Select(p => new PolicyFile(p.Path, "policies/" + p.Path, Encoding.UTF8.GetBytes(p.Text))));
        return PolicyLoader.Load(files, "policies");
    }

    private static string SpacePlan(string type, string infra, string limits, string plans = "[q]") =>
        $"apiVersion: admin.enmasse.io/v1beta2\nkind: AddressSpacePlan\nmetadata: {{ name: p }}\nspec: {{ addressSpaceType: {type}, infraConfigRef: {infra}, resourceLimits: {limits}, addressPlans: {plans} }}\n";

    [Fact]
    public void The_shipped_policy_names_0_31()
    {
        Assert.Equal(new EnMasseVersion(31), TestEngine.Shipped.Policy.EnMasseVersion);
        Assert.Contains("enmasseVersion: \"0.31\"", File.ReadAllText(Path.Combine(Repo.Policies, "policy.yaml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"0.26\"", 26)]
    [InlineData("\"0.33\"", 33)]
    public void The_release_is_read(string value, int minor) =>
        Assert.Equal(new EnMasseVersion(minor), Load($"  enmasseVersion: {value}\n").Bundle!.Policy.EnMasseVersion);

    [Fact]
    public void A_policy_that_names_none_is_judged_as_0_31() => Assert.Equal(EnMasseVersion.Default, Load("  platform: openshift\n").Bundle!.Policy.EnMasseVersion);

    [Fact]
    public void An_unquoted_release_is_a_number_and_says_to_quote_it()
    {
        var finding = Assert.Single(Load("  enmasseVersion: 0.30\n").Findings);
        Assert.Equal((RuleIds.SchemaType, 4, 19), (finding.Rule, finding.Line, finding.Column));
        Assert.Contains("quote the value", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_outside_0_26_to_0_33_is_refused() =>
        Assert.Contains("must be one of: 0.26, 0.27", Assert.Single(Load("  enmasseVersion: \"0.25\"\n").Findings).Message, StringComparison.Ordinal);

    [Fact]
    public void Deadletter_may_be_allowed_from_0_33_only()
    {
        const string Types = "  addressSpaceTypes:\n    standard: [queue, deadletter]\n";
        Assert.Contains("cannot hold deadletter addresses in EnMasse 0.31", Assert.Single(Load(Types).Findings).Message, StringComparison.Ordinal);
        var policy = Load("  enmasseVersion: \"0.33\"\n" + Types).Bundle!.Policy;
        Assert.Equal(["deadletter", "queue"], policy.AddressSpaceTypes["standard"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_a_narrowing_the_types_follow_the_release()
    {
        var policy = Load(string.Empty).Bundle!.Policy;
        Assert.DoesNotContain("deadletter", (IEnumerable<string>)policy.AddressSpaceTypes["brokered"]);
        Assert.Contains("deadletter", (IEnumerable<string>)policy.ForVersion(new EnMasseVersion(33)).AddressSpaceTypes["brokered"]);
    }

    [Theory]
    [InlineData("standard", "nope", "{ router: 1, broker: 1, aggregate: 2 }", "[q]", "its infra config StandardInfraConfig \"nope\" does not exist")]
    [InlineData("brokered", "std", "{ broker: 1 }", "[q]", "its infra config BrokeredInfraConfig \"std\" does not exist")]
    [InlineData("standard", "std", "{ router: 1, broker: 1 }", "[q]", "its resourceLimits lack aggregate")]
    public void A_plan_enmasse_would_treat_as_unknown_does_not_load(string type, string infra, string limits, string plans, string why)
    {
        var result = Load(string.Empty, ("plans/infra.yaml", Infra), ("plans/q.yaml", Queue), ("plans/p.yaml", SpacePlan(type, infra, limits, plans)));
        Assert.Null(result.Bundle);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((PolicyIds.Reference, "policies/plans/p.yaml"), (finding.Rule, finding.File));
        Assert.Equal($"plan \"p\" is one EnMasse treats as unknown: {why}", finding.Message);
    }

    [Fact]
    public void A_valid_plan_loads() =>
        Assert.True(Load(string.Empty, ("plans/infra.yaml", Infra), ("plans/q.yaml", Queue), ("plans/p.yaml", SpacePlan("standard", "std", "{ router: 1, broker: 1, aggregate: 2 }"))).Succeeded);

    [Fact]
    public void The_v1beta1_top_level_shape_of_0_26_is_read()
    {
        const string Old = """
            apiVersion: admin.enmasse.io/v1beta1
            kind: AddressSpacePlan
            metadata:
              name: old
              annotations: { enmasse.io/defined-by: std }
            addressSpaceType: standard
            resources:
              - { name: router, max: 1.0 }
              - { name: broker, max: 1.0 }
              - { name: aggregate, max: 2.0 }
            addressPlans: [oldq]
            ---
            apiVersion: admin.enmasse.io/v1beta1
            kind: AddressPlan
            metadata: { name: oldq }
            addressType: queue
            requiredResources:
              - { name: router, credit: 0.2 }
              - { name: broker, credit: 0.4 }
            """;
        var published = Load(string.Empty, ("plans/infra.yaml", Infra), ("plans/old.yaml", Old)).Bundle!.Published;
        var plan = published.AddressSpacePlan("old")!;
        Assert.True(plan.IsValid, plan.Problem);
        Assert.Equal(2.0, plan.ResourceLimits["aggregate"]);
        Assert.Equal(0.4, published.AddressPlan("oldq")!.Resources["broker"]);
        Assert.True(published.Offers("standard", "oldq"));
    }
}

/// <summary>A plan from the cluster or --catalog that EnMasse treats as unknown counts as unpublished for tenants.</summary>
public sealed class UnknownPlanInTheCatalogueTests
{
    private const string Broken = """
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressSpacePlan
        metadata: { name: broken }
        spec: { addressSpaceType: standard, infraConfigRef: default, resourceLimits: { router: 1, broker: 1, aggregate: 2 }, addressPlans: [standard-small-queue, small-standard-queue] }
        ---
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressPlan
        metadata: { name: only-in-broken }
        spec: { addressType: queue, resources: { router: 0.1, broker: 0.1 } }
        """;

    private static string World => EnMasse.Testing.World.Team1 + "\n---\n" + Broken.Replace("[standard-small-queue, small-standard-queue]", "[standard-small-queue, small-standard-queue, only-in-broken]", StringComparison.Ordinal);

    [Fact]
    public void A_space_naming_it_is_denied_with_the_reason()
    {
        var finding = TestEngine.Check(Rules.Spaces.Space(plan: "broken"), world: World).One(RuleIds.AddressSpacePlan);
        Assert.Equal("address space plan \"broken\" is published, but EnMasse treats it as unknown because it lists address plan \"small-standard-queue\", which does not exist: EnMasse reports \"Unknown address space plan\" and provisions nothing; ask the platform team to fix the plan", finding.Message);
    }

    [Fact]
    public void An_address_plan_only_it_offers_is_unknown_to_enmasse()
    {
        var finding = TestEngine.Check(Rules.Addresses.Address(plan: "only-in-broken"), world: World).One(RuleIds.AddressPlan);
        Assert.StartsWith("address plan \"only-in-broken\" is published, but no valid standard address space plan offers it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void It_is_not_suggested() =>
        Assert.DoesNotContain("broken", TestEngine.Check(Rules.Spaces.Space(plan: "standard-smal"), world: World).One(RuleIds.AddressSpacePlan).Message, StringComparison.Ordinal);
}

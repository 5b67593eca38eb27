using System.Text;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Policies;

public sealed class PolicyLoaderTests
{
    private static PolicyLoadResult Load(string policy, params (string Path, string Text)[] plans)
    {
        var files = new List<PolicyFile> { new("policy.yaml", "policies/policy.yaml", Encoding.UTF8.GetBytes(policy)) };
        files.AddRange(plans.Select(p => new PolicyFile(p.Path, "policies/" + p.Path, Encoding.UTF8.GetBytes(p.Text))));
        return PolicyLoader.Load(files, "policies");
    }

    private const string Minimal = "apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec: {}\n";

    [Fact]
    public void The_shipped_directory_loads_with_its_plans()
    {
        var result = PolicyLoader.LoadDirectory(Path.Combine(Repo.Root, "policies"));
        Assert.True(result.Succeeded, string.Join("; ", result.Findings.Select(f => f.Message)));
        var bundle = result.Bundle!;
        Assert.Equal(5, bundle.Published.AddressSpacePlans.Count);
        Assert.Equal(22, bundle.Published.AddressPlans.Count);
        Assert.Equal("standard-small-queue", bundle.Published.AddressPlan("standard-small-queue")!.Name);
        Assert.Equal(Platform.Kubernetes, bundle.Policy.Platform);
        Assert.Equal("standard-authservice", bundle.Policy.Defaults.AuthenticationService);
    }

    [Fact]
    public void The_built_in_policy_is_the_shipped_directory()
    {
        var builtIn = PolicyLoader.BuiltIn().Bundle!;
        var shipped = PolicyLoader.LoadDirectory(Path.Combine(Repo.Root, "policies")).Bundle!;
        Assert.Equal(shipped.Published.AddressPlans.Select(p => p.Name), builtIn.Published.AddressPlans.Select(p => p.Name));
        Assert.Equal(shipped.Policy.Exemptions.Count, builtIn.Policy.Exemptions.Count);
    }

    [Fact]
    public void A_typo_in_the_policy_is_a_finding_with_file_line_and_column_and_nothing_loads()
    {
        var result = Load("apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  platfrom: openshift\n");
        Assert.Null(result.Bundle);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((RuleIds.SchemaUnknownField, "policies/policy.yaml", 4, 3), (finding.Rule, finding.File, finding.Line, finding.Column));
        Assert.Contains("did you mean \"platform\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_enum_value_is_a_finding()
    {
        var result = Load("apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  platform: openshfit\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal((4, 13), (finding.Line, finding.Column));
        Assert.Contains("did you mean \"openshift\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exemption_naming_an_unknown_rule_is_a_finding()
    {
        var result = Load("apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  exemptions:\n    - { rules: [address.plna] }\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal((PolicyIds.Reference, 5, 17), (finding.Rule, finding.Line, finding.Column));
        Assert.Contains("did you mean \"address.plan\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_rule_cannot_be_weighed_differently()
    {
        var result = Load("apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  rules:\n    address.plan: { ci: warning }\n");
        Assert.Contains("is fixed", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_listing_an_unpublished_address_plan_is_a_finding_in_the_plan_file()
    {
        const string Plans = """
            apiVersion: admin.enmasse.io/v1beta2
            kind: AddressSpacePlan
            metadata: { name: tiny }
            spec:
              addressSpaceType: standard
              addressPlans:
                - tiny-queue
            """;
        var result = Load(Minimal, ("plans/p.yaml", Plans));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("policies/plans/p.yaml", 7, 7), (finding.File, finding.Line, finding.Column));
    }

    [Fact]
    public void A_tenant_object_in_plans_is_a_finding()
    {
        var result = Load(Minimal, ("plans/x.yaml", "apiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata: { name: a }\nspec: { type: standard, plan: x }\n"));
        Assert.Equal(PolicyIds.File, Assert.Single(result.Findings).Rule);
    }

    [Fact]
    public void A_v1beta1_plan_with_top_level_fields_loads()
    {
        const string Plans = """
            apiVersion: admin.enmasse.io/v1beta1
            kind: AddressPlan
            metadata: { name: old-queue }
            displayName: Old queue
            addressType: queue
            requiredResources:
              - { name: broker, credit: 0.1 }
            """;
        var result = Load(Minimal, ("plans/old.yaml", Plans));
        Assert.True(result.Succeeded, string.Join("; ", result.Findings.Select(f => f.Message)));
        Assert.Equal("queue", result.Bundle!.Published.AddressPlan("old-queue")!.AddressType);
    }

    [Fact]
    public void A_missing_policy_file_is_a_finding()
    {
        var result = PolicyLoader.Load([], "somewhere");
        Assert.Contains("has no policy.yaml", Assert.Single(result.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_is_a_finding()
    {
        Assert.Contains("does not exist", Assert.Single(PolicyLoader.LoadDirectory("/nonexistent/policies").Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_in_the_policy_is_a_syntax_finding()
    {
        var result = Load("apiVersion: [\n");
        Assert.Equal(RuleIds.YamlSyntax, Assert.Single(result.Findings).Rule);
    }

    [Fact]
    public async Task The_policy_schema_is_valid_json_schema_for_editors()
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(PolicySchemas.AdmissionPolicyJson);
        Assert.Contains("spec", schema.Properties.Keys);
        Assert.Contains("exemptions", schema.Properties["spec"].ActualSchema.Properties.Keys);
    }

    [Fact]
    public void Trusted_requesters_are_bound_from_the_policy()
    {
        var result = Load(Minimal.Replace("spec: {}", "spec:\n  trustedRequesters:\n    serviceAccounts: [\"system:serviceaccount:enmasse-infra:*\"]\n    users: [admin]\n    groups: [ops]", StringComparison.Ordinal));
        Assert.True(result.Succeeded, string.Join("; ", result.Findings.Select(f => f.Message)));
        var trusted = result.Bundle!.Policy.TrustedRequesters;
        Assert.Equal(["system:serviceaccount:enmasse-infra:*"], trusted.ServiceAccounts);
        Assert.Equal(["admin"], trusted.Users);
        Assert.Equal(["ops"], trusted.Groups);
        Assert.True(Load(Minimal).Bundle!.Policy.TrustedRequesters.IsEmpty);
    }

    [Fact]
    public void The_shipped_policy_trusts_the_infra_namespace_s_service_accounts() =>
        Assert.Equal(["system:serviceaccount:enmasse-infra:*"], PolicyLoader.LoadDirectory(Path.Combine(Repo.Root, "policies")).Bundle!.Policy.TrustedRequesters.ServiceAccounts);

    [Theory]
    [InlineData("serviceAccounts: [\"system:serviceaccount:*:builder\"]", 5, 23, "has a * in its namespace")]
    [InlineData("serviceAccounts: [\"system:serviceaccount:*\"]", 5, 23, "is not of the form system:serviceaccount:<namespace>:<name>")]
    [InlineData("serviceAccounts: [\"enmasse-infra:*\"]", 5, 23, "is not of the form")]
    [InlineData("serviceAccounts: [\"system:serviceaccount:enmasse-infra:a*b\"]", 5, 23, "a * may only end the name")]
    [InlineData("serviceAccounts: [\"system:serviceaccount:Infra:x\"]", 5, 23, "is not a valid namespace name")]
    [InlineData("serviceAccounts: [\"system:serviceaccount:enmasse-infra:Bad_Name\"]", 5, 23, "is not a valid service account name")]
    [InlineData("serviceAccounts: [\"system:serviceaccount:enmasse-infra:-*\"]", 5, 23, "is not a valid service account name (a DNS-1123 subdomain followed by *)")]
    [InlineData("users: [\"admin*\"]", 5, 13, "users are matched exactly")]
    [InlineData("groups: [system:authenticated]", 5, 14, "holds every user")]
    [InlineData("groups: [\"ops-*\"]", 5, 14, "groups are matched exactly")]
    public void A_bad_trusted_requester_is_a_finding_with_its_position(string entry, int line, int column, string expected)
    {
        var result = Load($"apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  trustedRequesters:\n    {entry}\n");
        Assert.Null(result.Bundle);
        var finding = result.Findings[0];
        Assert.Equal((PolicyIds.Value, "policies/policy.yaml", line, column), (finding.Rule, finding.File, finding.Line, finding.Column));
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_under_trusted_requesters_is_a_schema_finding()
    {
        var result = Load("apiVersion: policy.enmasse.io/v1alpha1\nkind: AdmissionPolicy\nspec:\n  trustedRequesters:\n    serviceAcounts: [x]\n");
        var finding = Assert.Single(result.Findings);
        Assert.Equal((RuleIds.SchemaUnknownField, 5, 5), (finding.Rule, finding.Line, finding.Column));
        Assert.Contains("did you mean \"serviceAccounts\"?", finding.Message, StringComparison.Ordinal);
    }

    private const string QueuePlan = "apiVersion: admin.enmasse.io/v1beta2\nkind: AddressPlan\nmetadata:\n  name: small-queue\nspec:\n  addressType: queue\n";

    // A plan EnMasse accepts: its infra config exists and its limits are complete (else policy check reports it as unknown to EnMasse).
    private const string SpacePlan = "apiVersion: admin.enmasse.io/v1beta2\nkind: AddressSpacePlan\nmetadata:\n  name: small\nspec:\n  addressSpaceType: standard\n  infraConfigRef: std\n  resourceLimits: { router: 1, broker: 1, aggregate: 2 }\n  addressPlans: [small-queue]\n";

    private const string Infra = "apiVersion: admin.enmasse.io/v1beta1\nkind: StandardInfraConfig\nmetadata:\n  name: std\nspec: {}\n";

    [Fact]
    public void Two_plans_of_one_name_are_an_error_at_the_second()
    {
        var result = Load(Minimal, ("plans/a.yaml", QueuePlan), ("plans/team/b.yml", QueuePlan));
        Assert.False(result.Succeeded);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("policies/plans/team/b.yml", 4, 9), (finding.File, finding.Line, finding.Column));
        Assert.Contains("AddressPlan \"small-queue\" is defined twice (also in policies/plans/a.yaml:4)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_yml_beside_policy_yaml_is_an_error()
    {
        var files = new List<PolicyFile>
        {
            new("policy.yaml", "p/policy.yaml", Encoding.UTF8.GetBytes(Minimal)),
            new("policy.yml", "p/policy.yml", Encoding.UTF8.GetBytes(Minimal)),
        };
        var finding = Assert.Single(PolicyLoader.Load(files, "p").Findings);
        Assert.Equal("p/policy.yml", finding.File);
        Assert.Contains("both policy.yaml and policy.yml exist", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_address_type_is_blamed_on_the_address_plan_itself()
    {
        var result = Load(Minimal, ("plans/a.yaml", QueuePlan.Replace("addressType: queue", "addressType: queu", StringComparison.Ordinal)), ("plans/b.yaml", SpacePlan), ("plans/infra.yaml", Infra));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("policies/plans/a.yaml", 6, 16, "spec.addressType"), (finding.File, finding.Line, finding.Column, finding.Path));
        Assert.Contains("has addressType \"queu\", which is not an EnMasse address type", finding.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"queue\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_policy_directory_has_no_made_up_position()
    {
        var finding = Assert.Single(PolicyLoader.LoadDirectory("/nonexistent-policy-dir").Findings);
        Assert.Equal(0, finding.Line);
    }
}

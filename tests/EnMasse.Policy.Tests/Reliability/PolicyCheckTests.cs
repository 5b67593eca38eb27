using System.Text;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Reliability;

/// <summary>`policy check` refuses the broken policies the review found accepted (reliability review D16).</summary>
public sealed class PolicyCheckTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(Repo.Policies, "policy.yaml"));

    private static List<PolicyFile> ShippedFiles(string policy) =>
    [
        new("policy.yaml", "policies/policy.yaml", Encoding.UTF8.GetBytes(policy)),
        .. Directory.EnumerateFiles(Repo.Plans).Order(StringComparer.Ordinal).Select(p => new PolicyFile("plans/" + Path.GetFileName(p), "policies/plans/" + Path.GetFileName(p), File.ReadAllBytes(p))),
    ];

    private static Finding Refused(List<PolicyFile> files)
    {
        var result = PolicyLoader.Load(files, "policies");
        Assert.False(result.Succeeded, "the broken policy was accepted");
        return Assert.Single(result.Findings);
    }

    [Fact]
    public void Two_plans_with_one_name_are_refused_at_the_second()
    {
        var files = ShippedFiles(Shipped);
        files.Add(new("plans/extra.yaml", "policies/plans/extra.yaml", """
            apiVersion: admin.enmasse.io/v1beta2
            kind: AddressSpacePlan
            metadata: {name: standard-small}
            spec: {addressSpaceType: standard, infraConfigRef: default, addressPlans: [standard-small-queue], resourceLimits: {router: 1, broker: 1, aggregate: 2}}
            """u8.ToArray()));

        var finding = Refused(files);

        Assert.Equal(("policies/plans/extra.yaml", 3, 18), (finding.File, finding.Line, finding.Column));
        Assert.Contains("AddressSpacePlan \"standard-small\" is defined twice", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_yml_next_to_policy_yaml_is_refused()
    {
        var files = ShippedFiles(Shipped);
        files.Add(new("policy.yml", "policies/policy.yml", Encoding.UTF8.GetBytes(Shipped.Replace("platform: kubernetes", "platform: openshift", StringComparison.Ordinal))));

        var finding = Refused(files);

        Assert.Equal("policies/policy.yml", finding.File);
        Assert.Contains("policy.yaml", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_endpoint_with_a_service_the_type_does_not_offer_is_refused()
    {
        var finding = Refused(ShippedFiles(Shipped.Replace("    authenticationService: standard-authservice\n", "    authenticationService: standard-authservice\n    endpoints:\n      brokered: [ { name: messaging, service: mqtt } ]\n", StringComparison.Ordinal)));

        Assert.Equal("spec.defaults.endpoints.brokered[0].service", finding.Path);
        Assert.Contains("service \"mqtt\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exemption_without_rules_is_refused()
    {
        var finding = Refused(ShippedFiles(Shipped.Replace("rules: [\"*\"]", "rules: []", StringComparison.Ordinal)));

        Assert.Equal("spec.exemptions[0].rules", finding.Path);
        Assert.Contains("exempts nothing", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_nul_bytes_in_policy_yaml_are_refused()
    {
        var finding = Refused(ShippedFiles(Shipped + "\0\0"));

        Assert.Equal(RuleIds.YamlSyntax, finding.Rule);
    }
}

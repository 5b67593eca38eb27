using System.Text.Json;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Engine;

public sealed class PolicyEngineTests
{
    private static Decision FromJson(string json, Operation operation = Operation.Create, string? oldJson = null)
    {
        using var document = JsonDocument.Parse(json);
        var node = JsonElementConverter.ToNode(document.RootElement);
        Node? old = null;
        if (oldJson is not null)
        {
            using var oldDocument = JsonDocument.Parse(oldJson);
            old = JsonElementConverter.ToNode(oldDocument.RootElement);
        }

        var request = new EvaluationRequest(node, operation, old, "team1", EnforcementPoint.Admission);
        return new PolicyEngine(TestEngine.Shipped).Evaluate(request, TestEngine.Catalog(TestEngine.Shipped, World.Team1));
    }

    [Fact]
    public void Unknown_kinds_are_not_judged()
    {
        var decision = FromJson("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"plna":1}}""");
        Assert.False(decision.Applies);
        Assert.True(decision.Allowed);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void An_enmasse_kind_of_a_version_enmasse_never_served_is_refused_and_judged_no_further()
    {
        var decision = FromJson("""{"apiVersion":"enmasse.io/v9","kind":"Address","metadata":{"name":"x"}}""");
        Assert.True(decision.Applies);
        Assert.False(decision.Allowed);
        var finding = Assert.Single(decision.Findings);
        Assert.Equal((RuleIds.SchemaApiVersion, "apiVersion", "Address", "x"), (finding.Rule, finding.Path, finding.Kind, finding.Name));
        Assert.Contains("it serves enmasse.io/v1beta1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_of_another_group_or_an_unknown_kind_far_from_ours_is_not_judged()
    {
        Assert.False(FromJson("""{"apiVersion":"example.com/v1","kind":"Address","metadata":{"name":"x"}}""").Applies);
        Assert.False(FromJson("""{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpaceSchema","metadata":{"name":"standard"}}""").Applies);
        Assert.False(FromJson("""{"apiVersion":"enmasse.io/v1beta2","kind":"MessagingInfrastructure","metadata":{"name":"infra"}}""").Applies);
    }

    [Fact]
    public void Delete_is_always_allowed_without_a_patch()
    {
        var decision = FromJson("""{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"a"},"spec":{}}""", Operation.Delete);
        Assert.True(decision.Allowed);
        Assert.Empty(decision.Patch);
    }

    [Fact]
    public void Objects_without_text_get_paths_but_no_positions()
    {
        var decision = FromJson("""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q9"},"spec":{"address":"q9","type":"queue","plan":"gold"}}""");
        var finding = decision.One(RuleIds.AddressPlan);
        Assert.Equal(("spec.plan", 0, 0, null), (finding.Path, finding.Line, finding.Column, finding.File));
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void The_json_and_yaml_doors_reach_the_same_verdict_and_messages()
    {
        var yaml = TestEngine.Check(Addresses.Address(plan: "gold"), EnforcementPoint.Admission);
        var json = FromJson("""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q9"},"spec":{"address":"q9","type":"queue","plan":"gold"}}""");
        Assert.Equal(yaml.Findings.Select(f => (f.Rule, f.Path, f.Message, f.Severity)), json.Findings.Select(f => (f.Rule, f.Path, f.Message, f.Severity)));
        Assert.Equal(yaml.Allowed, json.Allowed);
    }

    [Fact]
    public void The_old_object_on_update_comes_from_the_request()
    {
        var decision = FromJson(
            """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"myspace"},"spec":{"type":"brokered","plan":"brokered-single-broker"}}""",
            Operation.Update,
            """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"myspace"},"spec":{"type":"standard","plan":"standard-small"}}""");
        decision.One(RuleIds.AddressSpaceImmutable);
    }

    [Fact]
    public void Findings_are_sorted_by_position_then_rule()
    {
        var decision = TestEngine.Check(Addresses.Address(name: "nospace.q9", type: "queu", plan: "gold"));
        var keys = decision.Findings.Select(f => (f.Line, f.Column, f.Rule)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Line).ThenBy(k => k.Column).ThenBy(k => k.Rule, StringComparer.Ordinal), keys);
        Assert.True(keys.Count >= 3);
    }

    [Fact]
    public void An_exempted_finding_is_kept_and_marked_but_does_not_deny()
    {
        var policy = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              exemptions:
                - { namespaces: [team1], kinds: [Address], names: ["myspace.legacy-*"], rules: ["address.plan*"] }
            """);
        var exempted = TestEngine.Check(Addresses.Address(name: "myspace.legacy-1", plan: "gold"), bundle: policy);
        Assert.True(exempted.One(RuleIds.AddressPlan).Exempted);
        Assert.True(exempted.Allowed);
        var other = TestEngine.Check(Addresses.Address(name: "myspace.new-1", plan: "gold"), bundle: policy);
        Assert.False(other.One(RuleIds.AddressPlan).Exempted);
        Assert.False(other.Allowed);
    }

    [Fact]
    public void A_password_never_appears_in_any_finding()
    {
        const string Secret = "c3VwZXJzZWNyZXQ=";
        var yaml = Users.User(name: "Secret.c3VwZXJzZWNyZXQ=", username: Secret, auth: $"    password: {Secret}\n    passwrd: {Secret}");
        var decision = TestEngine.Check(yaml);
        Assert.NotEmpty(decision.Findings);
        Assert.All(decision.Findings, f => Assert.DoesNotContain(Secret, f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_scrubber_blanks_values_of_secret_looking_keys()
    {
        var root = TestEngine.Single("a:\n  password: hunter22\n  apiToken: tok-1234\n  name: visible\n").Root;
        var secrets = SecretScrubber.Collect(root);
        Assert.Equal("x *** y *** visible", secrets.Scrub("x hunter22 y tok-1234 visible"));
    }

    [Fact]
    public void A_valid_set_of_objects_is_allowed_with_no_findings()
    {
        Assert.Empty(TestEngine.Check(Users.User()).Findings);
        Assert.Empty(TestEngine.Check(Addresses.Address()).Findings);
        Assert.Empty(TestEngine.Check(Spaces.Space()).Findings);
    }
}

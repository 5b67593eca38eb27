using EnMasse.Policy.Defaults;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;
using Snapshooter.Xunit;

namespace EnMasse.Policy.Tests.Defaults;

public sealed class DefaultsTests
{
    private static Decision Mutate(string yaml) => TestEngine.Check(yaml);

    /// <summary>Applies a decision's patch to the object's JSON, as the API server would, and reads it back.</summary>
    private static string Reapply(Decision decision) => NodeJsonWriter.ToJson(decision.Resource!.Root);

    [Fact]
    public void A_bare_standard_space_gets_endpoints_cert_and_authentication_service()
    {
        var decision = Mutate(Spaces.Space());
        Assert.Equal(
            [RuleIds.DefaultAuthenticationService, RuleIds.DefaultEndpoints, RuleIds.DefaultCert],
            decision.Patch.Select(p => p.DefaultId));
        Snapshot.Match(JsonPatch.ToJson(decision.Patch));
    }

    [Fact]
    public void Parents_come_before_children_in_the_patch()
    {
        var paths = Mutate(Spaces.Space()).Patch.Select(p => p.Path).ToList();
        Assert.True(paths.IndexOf("/spec/endpoints") < paths.IndexOf("/spec/endpoints/0/cert"));
    }

    [Fact]
    public void Defaults_never_overwrite_what_the_user_wrote()
    {
        var decision = Mutate(Spaces.Space(extra: """
              authenticationService: { name: none-authservice }
              endpoints:
                - { name: console, service: console, cert: { provider: wildcard } }
            """));
        Assert.Empty(decision.Patch);
    }

    [Fact]
    public void Only_endpoints_without_cert_get_one()
    {
        var decision = Mutate(Spaces.Space(extra: """
              authenticationService: { name: none-authservice }
              endpoints:
                - { name: console, service: console, cert: { provider: wildcard } }
                - { name: messaging, service: messaging }
            """));
        var operation = Assert.Single(decision.Patch);
        Assert.Equal("/spec/endpoints/1/cert", operation.Path);
        Assert.Equal("{\"provider\":\"selfsigned\"}", NodeJsonWriter.ToJson(operation.Value));
    }

    [Fact]
    public void An_explicit_empty_endpoint_list_is_kept()
    {
        var decision = Mutate(Spaces.Space(extra: "  authenticationService: { name: none-authservice }\n  endpoints: []"));
        Assert.Empty(decision.Patch);
    }

    [Fact]
    public void Applying_defaults_twice_changes_nothing()
    {
        var first = Mutate(Spaces.Space());
        var second = Mutate(Reapply(first));
        Assert.NotEmpty(first.Patch);
        Assert.Empty(second.Patch);
    }

    [Fact]
    public void An_address_without_spec_address_gets_its_name_part()
    {
        var decision = Mutate(Addresses.Address(name: "myspace.orders").Replace("  address: q9\n", string.Empty, StringComparison.Ordinal));
        var operation = Assert.Single(decision.Patch);
        Assert.Equal(("/spec/address", RuleIds.DefaultAddress), (operation.Path, operation.DefaultId));
        Assert.Equal("\"orders\"", NodeJsonWriter.ToJson(operation.Value));
        decision.None(RuleIds.SchemaRequired);
    }

    [Fact]
    public void Validation_judges_the_defaulted_object()
    {
        // The default cert provider is openshift on OpenShift; the cert rule then finds no fault.
        var openshift = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec: { platform: openshift, defaults: { authenticationService: standard-authservice } }
            """);
        var decision = TestEngine.Check(Spaces.Space(), bundle: openshift);
        Assert.Contains(decision.Patch, p => p.Path == "/spec/endpoints/0/cert" && NodeJsonWriter.ToJson(p.Value).Contains("openshift", StringComparison.Ordinal));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }

    [Fact]
    public void A_finding_on_a_defaulted_value_points_at_the_key_it_was_added_under()
    {
        var policy = TestEngine.Shipped with { Policy = TestEngine.Shipped.Policy with { Defaults = TestEngine.Shipped.Policy.Defaults with { CertProviderKubernetes = "openshift" } } };
        var finding = TestEngine.Check(Spaces.Space(), bundle: policy).One(RuleIds.AddressSpaceCert);
        finding.At("spec.endpoints[0].cert.provider", 5, 1);
    }

    [Fact]
    public void Pointer_segments_are_escaped()
    {
        Assert.Equal("/metadata/annotations/enmasse.io~1a~0b", NodePath.Pointer(["metadata", "annotations", "enmasse.io/a~b"]));
    }

    [Fact]
    public void Other_kinds_get_no_defaults()
    {
        Assert.Empty(Mutate(Users.User()).Patch);
    }
}

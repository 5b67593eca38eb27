using EnMasse.Policy.Defaults;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Defaults;

public sealed class DefaultsTests
{
    private static Decision Mutate(string yaml) => TestEngine.Check(yaml);

    /// <summary>Applies a decision's patch to the object's JSON, as the API server would, and reads it back.</summary>
    private static string Reapply(Decision decision) => NodeJsonWriter.ToJson(decision.Resource!.Root);

    /// <summary>EnMasse 0.31's own defaults on Kubernetes: messaging and messaging-wss, each a loadbalancer on its service port.</summary>
    private const string EnMasseEndpointsOnKubernetes =
        """[{"name":"messaging","service":"messaging","expose":{"type":"loadbalancer","loadBalancerPorts":["amqps"]}},"""
        + """{"name":"messaging-wss","service":"messaging","expose":{"type":"loadbalancer","loadBalancerPorts":["https"]}}]""";

    [Fact]
    public void A_bare_standard_space_gets_endpoints_cert_and_authentication_service()
    {
        var decision = Mutate(Spaces.Space());
        Assert.Equal(
            [RuleIds.DefaultAuthenticationService, RuleIds.DefaultEndpoints, RuleIds.DefaultCert, RuleIds.DefaultCert],
            decision.Patch.Select(p => p.DefaultId));
        Assert.Equal(
            """[{"op":"add","path":"/spec/authenticationService","value":{"name":"standard-authservice"}},"""
            + $$"""{"op":"add","path":"/spec/endpoints","value":{{EnMasseEndpointsOnKubernetes}}},"""
            + """{"op":"add","path":"/spec/endpoints/0/cert","value":{"provider":"selfsigned"}},"""
            + """{"op":"add","path":"/spec/endpoints/1/cert","value":{"provider":"selfsigned"}}]""",
            JsonPatch.ToJson(decision.Patch));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("brokered")]
    public void On_openshift_the_defaults_are_enmasse_routes(string type)
    {
        var openshift = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec: { platform: openshift, defaults: { authenticationService: standard-authservice } }
            """);
        var decision = TestEngine.Check(Spaces.Space(type: type, plan: type == "standard" ? "standard-small" : "brokered-single-broker"), bundle: openshift);
        var endpoints = Assert.Single(decision.Patch, p => p.Path == "/spec/endpoints");
        Assert.Equal(
            """[{"name":"messaging","service":"messaging","expose":{"type":"route","routeServicePort":"amqps","routeTlsTermination":"passthrough"}},"""
            + """{"name":"messaging-wss","service":"messaging","expose":{"type":"route","routeServicePort":"https","routeTlsTermination":"reencrypt"}}]""",
            NodeJsonWriter.ToJson(endpoints.Value));
        Assert.Equal(2, decision.Patch.Count(p => p.DefaultId == RuleIds.DefaultCert && NodeJsonWriter.ToJson(p.Value) == """{"provider":"selfsigned"}"""));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
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
                - { name: amqp, service: messaging, cert: { provider: wildcard } }
            """));
        Assert.Empty(decision.Patch);
    }

    [Fact]
    public void A_list_that_leaves_out_the_messaging_service_gets_its_defaults_appended()
    {
        var decision = Mutate(Spaces.Space(extra: """
              authenticationService: { name: none-authservice }
              endpoints:
                - { name: console, service: console, cert: { provider: wildcard } }
            """));
        Assert.Equal(
            ["/spec/endpoints/1", "/spec/endpoints/2", "/spec/endpoints/1/cert", "/spec/endpoints/2/cert"],
            decision.Patch.Select(p => p.Path));
        Assert.Equal("""{"provider":"wildcard"}""", NodeJsonWriter.ToJson(NodeRead.Map(Assert.IsType<MappingNode>(NodeRead.List(decision.Resource!.Spec, "endpoints")!.Items[0]), "cert")!));
    }

    [Fact]
    public void A_default_whose_name_is_taken_is_left_out()
    {
        var decision = Mutate(Spaces.Space(extra: """
              authenticationService: { name: none-authservice }
              endpoints:
                - { name: messaging, service: console, cert: { provider: selfsigned } }
            """));
        var operation = Assert.Single(decision.Patch, p => p.DefaultId == RuleIds.DefaultEndpoints);
        Assert.Equal("/spec/endpoints/1", operation.Path);
        Assert.Contains("messaging-wss", NodeJsonWriter.ToJson(operation.Value), StringComparison.Ordinal);
        decision.None(RuleIds.AddressSpaceEndpoint);
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
    public void An_empty_endpoint_list_is_filled_as_enmasse_fills_it_without_replacing_the_list()
    {
        var decision = Mutate(Spaces.Space(extra: "  authenticationService: { name: none-authservice }\n  endpoints: []"));
        Assert.Equal(["/spec/endpoints/0", "/spec/endpoints/1", "/spec/endpoints/0/cert", "/spec/endpoints/1/cert"], decision.Patch.Select(p => p.Path));
        Assert.Equal(EnMasseEndpointsOnKubernetes, "[" + string.Join(",", decision.Patch.Take(2).Select(p => NodeJsonWriter.ToJson(p.Value))) + "]");
    }

    [Fact]
    public void A_cert_without_provider_gets_the_default_provider_instead_of_a_finding()
    {
        var decision = Mutate(Spaces.Space(extra: """
              endpoints:
                - { name: messaging, service: messaging, cert: {} }
            """));
        var operation = Assert.Single(decision.Patch, p => p.DefaultId == RuleIds.DefaultCert);
        Assert.Equal(("/spec/endpoints/0/cert/provider", "\"selfsigned\""), (operation.Path, NodeJsonWriter.ToJson(operation.Value)));
        decision.None(RuleIds.AddressSpaceCert);
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
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
        // A platform's choice: the OpenShift service CA. The cert rule then judges the provider the default wrote.
        var openshift = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec: { platform: openshift, defaults: { authenticationService: standard-authservice, certProvider: { openshift: openshift } } }
            """);
        var decision = TestEngine.Check(Spaces.Space(), bundle: openshift);
        Assert.Contains(decision.Patch, p => p.Path == "/spec/endpoints/0/cert" && NodeJsonWriter.ToJson(p.Value).Contains("openshift", StringComparison.Ordinal));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }

    [Fact]
    public void A_finding_on_a_defaulted_value_points_at_the_key_it_was_added_under()
    {
        var policy = TestEngine.Shipped with { Policy = TestEngine.Shipped.Policy with { Defaults = TestEngine.Shipped.Policy.Defaults with { CertProviderKubernetes = "openshift" } } };
        var findings = TestEngine.Check(Spaces.Space(), bundle: policy).Findings.Where(f => f.Rule == RuleIds.AddressSpaceCert).ToList();
        Assert.Equal(["spec.endpoints[0].cert.provider", "spec.endpoints[1].cert.provider"], findings.Select(f => f.Path));
        findings[0].At("spec.endpoints[0].cert.provider", 5, 1);
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

using System.Collections.Frozen;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Rules;

internal static class Spaces
{
    public static string Space(string name = "space2", string type = "standard", string plan = "standard-small", string extra = "") => $"""
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: {name}
        spec:
          type: {type}
          plan: {plan}
        {extra}
        """;
}

public sealed class AddressSpaceNameRuleTests
{
    [Fact]
    public void A_dotted_name_is_denied_at_the_name_with_a_fix()
    {
        var finding = TestEngine.Check(Spaces.Space("my.space")).One(RuleIds.AddressSpaceName);
        finding.At("metadata.name", 4, 9);
        Assert.Contains("\"my-space\"", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("MySpace")]
    [InlineData("-space")]
    [InlineData("space_1")]
    public void A_name_that_is_not_a_dns_label_is_denied(string name) =>
        TestEngine.Check(Spaces.Space(name)).One(RuleIds.AddressSpaceName);

    [Fact]
    public void A_name_of_61_characters_is_denied_as_enmasse_allows_60()
    {
        var finding = TestEngine.Check(Spaces.Space(new string('a', 61))).One(RuleIds.AddressSpaceName);
        Assert.Contains("61 characters; EnMasse allows at most 60", finding.Message, StringComparison.Ordinal);
        TestEngine.Check(Spaces.Space(new string('a', 60))).None(RuleIds.AddressSpaceName);
    }

    [Fact]
    public void A_name_of_64_characters_is_not_a_dns_label() =>
        Assert.Contains("not a DNS-1123 label", TestEngine.Check(Spaces.Space(new string('a', 64))).One(RuleIds.AddressSpaceName).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("space2")]
    [InlineData("a")]
    [InlineData("team-1-space")]
    public void A_dns_label_passes(string name) => TestEngine.Check(Spaces.Space(name)).None(RuleIds.AddressSpaceName);
}

public sealed class AddressSpaceTypeRuleTests
{
    [Fact]
    public void An_unknown_type_is_denied_with_the_allowed_types()
    {
        var finding = TestEngine.Check(Spaces.Space(type: "standrd")).One(RuleIds.AddressSpaceType);
        finding.At("spec.type", 6, 9);
        Assert.Contains("allowed: brokered, standard", finding.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"standard\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_the_policy_narrowed_away_is_denied()
    {
        var shipped = TestEngine.Shipped;
        var narrowed = shipped.Policy.AddressSpaceTypes.Where(t => t.Key == "standard").ToFrozenDictionary(StringComparer.Ordinal);
        var policy = shipped with { Policy = shipped.Policy with { AddressSpaceTypes = narrowed } };
        TestEngine.Check(Spaces.Space(type: "brokered", plan: "brokered-single-broker"), bundle: policy).One(RuleIds.AddressSpaceType);
    }

    [Fact]
    public void Standard_and_brokered_pass() =>
        TestEngine.Check(Spaces.Space(type: "brokered", plan: "brokered-single-broker")).None(RuleIds.AddressSpaceType);
}

public sealed class AddressSpacePlanRuleTests
{
    [Fact]
    public void An_unpublished_plan_lists_the_plans_of_the_type_and_suggests_the_nearest()
    {
        var finding = TestEngine.Check(Spaces.Space(plan: "standard-smal")).One(RuleIds.AddressSpacePlan);
        finding.At("spec.plan", 7, 9);
        Assert.Equal(
            "address space plan \"standard-smal\" is not published; published for standard: standard-medium, standard-small, standard-unlimited, standard-unlimited-with-mqtt; did you mean \"standard-small\"?",
            finding.Message);
    }

    [Fact]
    public void A_far_off_plan_gets_the_list_but_no_guess()
    {
        var finding = TestEngine.Check(Spaces.Space(type: "brokered", plan: "gold")).One(RuleIds.AddressSpacePlan);
        Assert.Equal("address space plan \"gold\" is not published; published for brokered: brokered-single-broker", finding.Message);
    }

    [Fact]
    public void A_published_plan_passes() => TestEngine.Check(Spaces.Space(plan: "standard-unlimited")).None(RuleIds.AddressSpacePlan);

    [Fact]
    public void The_rule_is_fixed() => Assert.True(EnMasse.Policy.Rules.RuleRegistry.Find(RuleIds.AddressSpacePlan)!.Fixed);
}

public sealed class AddressSpacePlanTypeRuleTests
{
    [Fact]
    public void A_brokered_plan_on_a_standard_space_is_denied()
    {
        var decision = TestEngine.Check(Spaces.Space(plan: "brokered-single-broker"));
        var finding = decision.One(RuleIds.AddressSpacePlanType);
        finding.At("spec.plan", 7, 9);
        Assert.StartsWith("address space plan \"brokered-single-broker\" is for brokered address spaces, not standard", finding.Message, StringComparison.Ordinal);
        decision.None(RuleIds.AddressSpacePlan);
    }

    [Fact]
    public void A_plan_of_the_same_type_passes() => TestEngine.Check(Spaces.Space()).None(RuleIds.AddressSpacePlanType);

    [Fact]
    public void A_plan_is_not_judged_against_a_type_that_does_not_exist()
    {
        var decision = TestEngine.Check(Spaces.Space(type: "standrd"));
        decision.One(RuleIds.AddressSpaceType);
        decision.None(RuleIds.AddressSpacePlanType);
    }
}

public sealed class AddressSpaceAuthenticationServiceRuleTests
{
    [Fact]
    public void An_unpublished_service_is_denied_at_its_name()
    {
        var finding = TestEngine.Check(Spaces.Space(extra: "  authenticationService:\n    name: standard-authsvc")).One(RuleIds.AddressSpaceAuthenticationService);
        finding.At("spec.authenticationService.name", 9, 11);
        Assert.Contains("published: none-authservice, standard-authservice", finding.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"standard-authservice\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_service_passes() =>
        TestEngine.Check(Spaces.Space(extra: "  authenticationService:\n    name: none-authservice")).None(RuleIds.AddressSpaceAuthenticationService);

    [Fact]
    public void The_policy_can_turn_it_into_a_warning_for_ci()
    {
        var policy = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              rules:
                addressspace.authentication-service: { ci: warning }
            """);
        var decision = TestEngine.Check(Spaces.Space(extra: "  authenticationService: { name: nope }"), bundle: policy);
        Assert.Equal(Severity.Warning, decision.One(RuleIds.AddressSpaceAuthenticationService).Severity);
        Assert.True(decision.Allowed);
        var admission = TestEngine.Check(Spaces.Space(extra: "  authenticationService: { name: nope }"), EnforcementPoint.Admission, policy);
        Assert.Equal(Severity.Error, admission.One(RuleIds.AddressSpaceAuthenticationService).Severity);
    }
}

public sealed class AddressSpaceEndpointRuleTests
{
    [Fact]
    public void A_repeated_endpoint_name_is_denied_at_the_second_name()
    {
        var finding = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - { name: messaging, service: messaging }
                - { name: messaging, service: console }
            """)).One(RuleIds.AddressSpaceEndpoint);
        finding.At("spec.endpoints[1].name", 10, 15);
        Assert.Contains("used twice", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mqtt_is_not_offered_by_brokered_spaces()
    {
        var finding = TestEngine.Check(Spaces.Space(type: "brokered", plan: "brokered-single-broker", extra: """
              endpoints:
                - name: mqtt
                  service: mqtt
            """)).One(RuleIds.AddressSpaceEndpoint);
        finding.At("spec.endpoints[0].service", 10, 16);
        Assert.Contains("allowed: messaging, console", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_expose_type_is_denied()
    {
        var finding = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  expose: { type: nodeport }
            """)).One(RuleIds.AddressSpaceEndpoint);
        finding.At("spec.endpoints[0].expose.type", 11, 23);
        Assert.Contains("allowed: route, loadbalancer", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_on_kubernetes_is_a_warning_and_does_not_deny()
    {
        var decision = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  expose: { type: route, routeTlsTermination: passthrough, routeServicePort: amqps }
            """));
        var finding = decision.One(RuleIds.AddressSpaceEndpoint);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.True(decision.Allowed);
    }

    [Fact]
    public void A_loadbalancer_without_ports_is_denied_at_expose()
    {
        var finding = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  expose:
                    type: loadbalancer
            """)).One(RuleIds.AddressSpaceEndpoint);
        finding.At("spec.endpoints[0].expose.loadBalancerPorts", 11, 7);
    }

    [Fact]
    public void Well_formed_endpoints_pass()
    {
        TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  expose: { type: loadbalancer, loadBalancerPorts: [amqps] }
                - { name: console, service: console }
            """)).None(RuleIds.AddressSpaceEndpoint);
    }
}

public sealed class AddressSpaceCertRuleTests
{
    [Fact]
    public void An_unknown_provider_is_denied_with_a_guess()
    {
        var finding = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  cert: { provider: selfsign }
            """)).One(RuleIds.AddressSpaceCert);
        finding.At("spec.endpoints[0].cert.provider", 11, 25);
        Assert.Contains("did you mean \"selfsigned\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cert_bundle_without_key_is_denied_at_cert()
    {
        var finding = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  cert:
                    provider: certBundle
                    tlsCert: ZXhhbXBsZSAtbgo=
            """)).One(RuleIds.AddressSpaceCert);
        finding.At("spec.endpoints[0].cert.tlsKey", 11, 7);
    }

    [Fact]
    public void A_key_that_is_not_base64_is_denied_without_quoting_it()
    {
        var finding = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  cert: { provider: certBundle, tlsCert: ZXhhbXBsZSAtbgo=, tlsKey: "not base64 SECRETKEY!" }
            """)).One(RuleIds.AddressSpaceCert);
        Assert.Equal("spec.endpoints[0].cert.tlsKey", finding.Path);
        Assert.DoesNotContain("SECRETKEY", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_openshift_provider_needs_openshift()
    {
        var yaml = Spaces.Space(extra: """
              endpoints:
                - { name: messaging, service: messaging, cert: { provider: openshift } }
            """);
        TestEngine.Check(yaml).One(RuleIds.AddressSpaceCert);
        var openshift = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec: { platform: openshift }
            """);
        TestEngine.Check(yaml, bundle: openshift).None(RuleIds.AddressSpaceCert);
    }

    [Fact]
    public void A_valid_cert_bundle_passes()
    {
        TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  cert: { provider: certBundle, tlsCert: ZXhhbXBsZSAtbgo=, tlsKey: ZXhhbXBsZSAtbgo= }
            """)).None(RuleIds.AddressSpaceCert);
    }
}

public sealed class AddressSpaceExportRuleTests
{
    [Fact]
    public void An_unknown_export_kind_is_denied()
    {
        var finding = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  exports:
                    - { kind: Configmap, name: myconfig }
            """)).One(RuleIds.AddressSpaceExport);
        finding.At("spec.endpoints[0].exports[0].kind", 12, 19);
        Assert.Contains("did you mean \"ConfigMap\"?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_export_is_denied()
    {
        var decision = TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  exports:
                    - { kind: ConfigMap, name: myconfig }
                    - { kind: ConfigMap, name: myconfig }
            """));
        decision.One(RuleIds.AddressSpaceExport).At("spec.endpoints[0].exports[1].name", 13, 36);
    }

    [Fact]
    public void A_service_name_with_a_dot_is_denied()
    {
        TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  exports: [ { kind: Service, name: my.service } ]
            """)).One(RuleIds.AddressSpaceExport);
    }

    [Fact]
    public void Valid_exports_pass()
    {
        TestEngine.Check(Spaces.Space(extra: """
              endpoints:
                - name: messaging
                  service: messaging
                  exports:
                    - { kind: ConfigMap, name: my.config }
                    - { kind: Service, name: myservice }
                    - { kind: Secret, name: myconfig }
            """)).None(RuleIds.AddressSpaceExport);
    }
}

public sealed class AddressSpaceImmutableRuleTests
{
    [Fact]
    public void Changing_the_type_on_update_is_denied_at_the_new_type()
    {
        var decision = TestEngine.Update(Spaces.Space(), Spaces.Space(type: "brokered", plan: "brokered-single-broker"));
        var finding = decision.One(RuleIds.AddressSpaceImmutable);
        finding.At("spec.type", 6, 9);
        Assert.Contains("from \"standard\" to \"brokered\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_plan_on_update_is_allowed()
    {
        var decision = TestEngine.Update(Spaces.Space(), Spaces.Space(plan: "standard-medium"));
        decision.None(RuleIds.AddressSpaceImmutable);
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
    }

    [Fact]
    public void A_create_is_never_judged_as_a_change() =>
        TestEngine.Check(Spaces.Space(type: "brokered", plan: "brokered-single-broker")).None(RuleIds.AddressSpaceImmutable);
}

using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Rules;

/// <summary>What EnMasse trusts a tenant with and should not (ground truth §13.2, §13.3, §3).</summary>
public sealed class AddressSpaceProtectedAnnotationRuleTests
{
    private static string Annotated(string annotations, string name = "space2") =>
        Spaces.Space(name).Replace("metadata:\n", $"metadata:\n  annotations: {{ {annotations} }}\n", StringComparison.Ordinal);

    [Theory]
    [InlineData("enmasse.io/realm-name: team1-myspace")]
    [InlineData("enmasse.io/realm-name: team1-space2")]
    [InlineData("enmasse.io/infra-uuid: abc123")]
    public void A_tenant_may_not_set_them_on_create(string annotation)
    {
        var decision = TestEngine.Check(Annotated(annotation));
        var finding = decision.One(RuleIds.AddressSpaceProtectedAnnotation);
        Assert.Contains("is set by EnMasse, not by tenants", finding.Message, StringComparison.Ordinal);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Adding_them_on_update_is_denied_to_a_tenant()
    {
        var decision = TestEngine.Update(Spaces.Space(), Annotated("enmasse.io/realm-name: team1-space2, enmasse.io/infra-uuid: abc123"));
        Assert.Equal(2, decision.Findings.Count(f => f.Rule == RuleIds.AddressSpaceProtectedAnnotation));
        TestEngine.Update(Spaces.Space(), Annotated("enmasse.io/realm-name: team1-myspace")).One(RuleIds.AddressSpaceProtectedAnnotation).At("metadata.annotations[\"enmasse.io/realm-name\"]", 4, 41);
    }

    [Fact]
    public void Enmasse_s_own_first_pass_is_waived_for_its_trusted_service_account()
    {
        // The shipped policy trusts the infra namespace's service accounts; offline there is no requester.
        var request = new EnMasse.Policy.Engine.EvaluationRequest(
            TestEngine.Single(Annotated("enmasse.io/realm-name: team1-space2, enmasse.io/infra-uuid: abc123")).Root,
            Operation.Update,
            TestEngine.Single(Spaces.Space()).Root,
            TestEngine.Namespace,
            EnforcementPoint.Admission)
        {
            Requester = new Requester("system:serviceaccount:enmasse-infra:address-space-controller", ["system:serviceaccounts"]),
        };
        var decision = new EnMasse.Policy.Engine.PolicyEngine(TestEngine.Shipped).Evaluate(request, TestEngine.Catalog(TestEngine.Shipped, World.Team1));
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
        Assert.Equal(2, decision.Findings.Count(f => f.Rule == RuleIds.AddressSpaceProtectedAnnotation && f.Waiver == Waiver.TrustedRequester));
    }

    [Fact]
    public void Changing_a_value_enmasse_set_is_denied()
    {
        var finding = TestEngine.Update(Annotated("enmasse.io/infra-uuid: abc123"), Annotated("enmasse.io/infra-uuid: other")).One(RuleIds.AddressSpaceProtectedAnnotation);
        Assert.Contains("annotation enmasse.io/infra-uuid was set by EnMasse and may not be changed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_leaves_them_out_keeps_them_and_passes() =>
        TestEngine.Update(Annotated("enmasse.io/infra-uuid: abc123"), Annotated("team: a")).None(RuleIds.AddressSpaceProtectedAnnotation);

    [Fact]
    public void Keeping_them_on_update_is_allowed() =>
        TestEngine.Update(Annotated("enmasse.io/infra-uuid: abc123, enmasse.io/realm-name: x"), Annotated("enmasse.io/infra-uuid: abc123, enmasse.io/realm-name: x")).None(RuleIds.AddressSpaceProtectedAnnotation);
}

public sealed class AddressSpaceCertSecretRuleTests
{
    private static string Endpoint(string secret, string service = "messaging") =>
        Spaces.Space(extra: $"  endpoints: [ {{ name: e, service: {service}, cert: {{ provider: selfsigned, secretName: {secret} }} }} ]");

    [Fact]
    public void Another_space_s_secret_is_denied()
    {
        var finding = TestEngine.Check(Endpoint("external-certs-messaging-9812cc4")).One(RuleIds.AddressSpaceCertSecret);
        finding.At("spec.endpoints[0].cert.secretName", 8, 89);
        Assert.Contains("names a secret in EnMasse's infra namespace (enmasse-infra) that is not this space's own", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_space_s_own_generated_name_passes_and_must_match_the_service()
    {
        static string Own(string secret, string service) => Endpoint(secret, service).Replace("metadata:\n", "metadata:\n  annotations: { enmasse.io/infra-uuid: lqjsrlq7qt }\n", StringComparison.Ordinal);
        TestEngine.Check(Own("external-certs-console-lqjsrlq7qt", "console")).None(RuleIds.AddressSpaceCertSecret);
        TestEngine.Check(Own("external-certs-console-lqjsrlq7qt", "messaging")).One(RuleIds.AddressSpaceCertSecret);
    }

    [Fact]
    public void A_secret_the_policy_shares_passes()
    {
        var policy = TestEngine.WithPolicy("""
            apiVersion: policy.enmasse.io/v1alpha1
            kind: AdmissionPolicy
            spec:
              sharedCertSecrets: ["wildcard-*"]
            """);
        TestEngine.Check(Endpoint("wildcard-apps"), bundle: policy).None(RuleIds.AddressSpaceCertSecret);
        TestEngine.Check(Endpoint("other"), bundle: policy).One(RuleIds.AddressSpaceCertSecret);
    }

    [Fact]
    public void An_endpoint_without_secret_name_passes() =>
        TestEngine.Check(Spaces.Space(extra: "  endpoints: [ { name: e, service: messaging, cert: { provider: selfsigned } } ]")).None(RuleIds.AddressSpaceCertSecret);
}

public sealed class AddressSpaceRealmCollisionRuleTests
{
    // Realms are <namespace>-<name> cut to 60 characters: these two share their first 60.
    private static readonly string Long = "payments-" + new string('x', 45);

    [Fact]
    public void Two_names_that_agree_in_their_first_60_characters_share_a_realm()
    {
        var world = World.Team1 + $"\n---\napiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata: {{ name: {Long}a, namespace: team1 }}\nspec: {{ type: standard, plan: standard-small }}";
        var finding = TestEngine.Check(Spaces.Space(Long + "b"), world: world).One(RuleIds.AddressSpaceRealmCollision);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains($"gets Keycloak realm \"team1-{Long}\", which address space \"team1/{Long}a\" has already", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_names_and_the_space_itself_do_not_collide()
    {
        TestEngine.Check(Spaces.Space("space2")).None(RuleIds.AddressSpaceRealmCollision);
        TestEngine.Check(Spaces.Space("myspace")).None(RuleIds.AddressSpaceRealmCollision);
    }
}

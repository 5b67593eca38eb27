using EnMasse.Policy.Engine;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Engine;

/// <summary>
/// How an UPDATE is judged: not at all when it touches no spec and no protected annotation, or
/// when the object is being deleted; otherwise errors the stored object already had at the same
/// rule, path and value are waived, and everything the change introduces still denies.
/// </summary>
public sealed class UpdateSemanticsTests
{
    /// <summary>An Address whose plan is not published: address.plan, a fixed rule, denies it on CREATE.</summary>
    private static readonly string Stored = Addresses.Address(name: "myspace.q7", address: "q7", plan: "standard-huge-queue");

    private static Decision Update(string oldYaml, string newYaml, bool ratchet = true, EnforcementPoint point = EnforcementPoint.Admission)
    {
        var request = new EvaluationRequest(TestEngine.Single(newYaml).Root, Operation.Update, TestEngine.Single(oldYaml).Root, TestEngine.Namespace, point) { Ratchet = ratchet };
        return new PolicyEngine(TestEngine.Shipped).Evaluate(request, TestEngine.Catalog(TestEngine.Shipped, World.Team1));
    }

    /// <summary>Not judged: allowed, nothing found, nothing patched.</summary>
    private static void Unjudged(Decision decision)
    {
        Assert.True(decision.Allowed);
        Assert.Empty(decision.Findings);
        Assert.Empty(decision.Patch);
    }

    private static string WithMetadata(string yaml, string lines) =>
        yaml.Replace("metadata:\n", "metadata:\n" + lines, StringComparison.Ordinal);

    [Fact]
    public void The_stored_object_is_denied_on_create()
    {
        Assert.False(TestEngine.Check(Stored, EnforcementPoint.Admission).Allowed);
    }

    [Theory]
    [InlineData("status:\n  phase: Active\n  messages: [\"Unknown address plan\"]\n")]
    [InlineData("")]
    public void A_status_only_update_is_allowed_without_evaluation(string status)
    {
        Unjudged(Update(Stored, Stored + status));
    }

    [Fact]
    public void Labels_finalizers_other_annotations_and_managed_fields_do_not_count_as_changes()
    {
        var changed = WithMetadata(Stored, "  labels: { team: a }\n  finalizers: [enmasse.io/address]\n  annotations: { example.com/owner: team-a }\n  managedFields: [ { manager: kubectl } ]\n");
        Unjudged(Update(Stored, changed));
    }

    [Fact]
    public void A_file_that_leaves_out_the_defaults_describes_the_stored_spec()
    {
        var stored = Addresses.Address(name: "myspace.q7", address: "q7", plan: "standard-huge-queue");
        var file = stored.Replace("  address: q7\n", string.Empty, StringComparison.Ordinal);
        Unjudged(Update(stored, file));
    }

    [Fact]
    public void Finalizer_removal_of_an_object_being_deleted_is_allowed_even_when_spec_differs()
    {
        var deleted = WithMetadata(Stored, "  deletionTimestamp: \"2024-05-01T10:00:00Z\"\n");
        var before = WithMetadata(deleted, "  finalizers: [enmasse.io/address]\n");
        Unjudged(Update(before, deleted.Replace("address: q7", "address: q8", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_change_to_a_protected_annotation_is_judged_and_waives_only_what_was_there()
    {
        var decision = Update(Stored, WithMetadata(Stored, "  annotations: { enmasse.io/realm-name: someone-else }\n"));
        var finding = decision.One(RuleIds.AddressPlan);
        Assert.True(decision.Allowed);
        Assert.Equal((Severity.Warning, Waiver.PreExisting), (finding.Severity, finding.Waiver));
        Assert.StartsWith("already there before this update, not enforced: address plan \"standard-huge-queue\" is not published", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_the_stored_object_had_is_a_warning_when_another_field_changes()
    {
        var stored = Spaces.Space(name: "space3", plan: "gold");
        var decision = Update(stored, stored + "  endpoints: [ { name: amqp, service: messaging } ]\n");
        Assert.True(decision.Allowed, TestEngine.Describe(decision));
        Assert.Equal(Waiver.PreExisting, decision.One(RuleIds.AddressSpacePlan).Waiver);
    }

    [Fact]
    public void An_error_the_change_introduces_still_denies()
    {
        var decision = Update(Spaces.Space(name: "space3"), Spaces.Space(name: "space3", plan: "gold"));
        Assert.False(decision.Allowed);
        Assert.Null(decision.One(RuleIds.AddressSpacePlan).Waiver);
    }

    [Fact]
    public void The_same_rule_at_the_same_path_with_a_new_value_still_denies()
    {
        var decision = Update(Stored, Stored.Replace("standard-huge-queue", "standard-giant-queue", StringComparison.Ordinal));
        Assert.False(decision.Allowed);
        Assert.Equal(Severity.Error, decision.One(RuleIds.AddressPlan).Severity);
    }

    [Fact]
    public void An_immutable_field_change_denies_while_old_findings_are_waived()
    {
        var stored = Spaces.Space(name: "space3", plan: "gold");
        var decision = Update(stored, Spaces.Space(name: "space3", type: "brokered", plan: "gold"));
        Assert.False(decision.Allowed);
        Assert.Equal(Severity.Error, decision.One(RuleIds.AddressSpaceImmutable).Severity);
        Assert.Equal(Waiver.PreExisting, decision.One(RuleIds.AddressSpacePlan).Waiver);
    }

    [Fact]
    public void Warnings_and_exempted_findings_are_left_as_they_are()
    {
        var stored = Users.User(extra: "  authorization: [ { addresses: [nothing*], operations: [send] } ]\n");
        var decision = Update(stored, stored.Replace("[send]", "[send, recv]", StringComparison.Ordinal));
        var warning = decision.One(RuleIds.UserAuthorizationAddress);
        Assert.Null(warning.Waiver);
        Assert.DoesNotContain("already there", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_ratcheting_an_update_is_judged_whole_as_an_audit_judges_it()
    {
        var statusOnly = Update(Stored, Stored + "status:\n  phase: Active\n", ratchet: false);
        Assert.False(statusOnly.Allowed);
        Assert.Equal(Severity.Error, statusOnly.One(RuleIds.AddressPlan).Severity);

        var stored = Spaces.Space(name: "space3", plan: "gold");
        var changed = Update(stored, stored + "  endpoints: [ { name: amqp, service: messaging } ]\n", ratchet: false);
        Assert.False(changed.Allowed);
        Assert.Null(changed.One(RuleIds.AddressSpacePlan).Waiver);

        var deleted = WithMetadata(Stored, "  deletionTimestamp: \"2024-05-01T10:00:00Z\"\n");
        Assert.False(Update(deleted, deleted, ratchet: false).Allowed);
    }

    [Fact]
    public void A_create_is_never_ratcheted()
    {
        var request = new EvaluationRequest(TestEngine.Single(Stored).Root, Operation.Create, TestEngine.Single(Stored).Root, TestEngine.Namespace, EnforcementPoint.Admission);
        Assert.False(new PolicyEngine(TestEngine.Shipped).Evaluate(request, TestEngine.Catalog(TestEngine.Shipped, World.Team1)).Allowed);
    }

    [Fact]
    public void A_repeated_key_in_an_otherwise_unchanged_file_is_still_reported()
    {
        var file = TestEngine.Single(Stored.Replace("  plan: standard-huge-queue\n", "  plan: standard-huge-queue\n  plan: standard-huge-queue\n", StringComparison.Ordinal));
        var request = EvaluationRequest.ForDocument(file, Operation.Update, TestEngine.Single(Stored).Root, TestEngine.Namespace, EnforcementPoint.Admission);
        var decision = new PolicyEngine(TestEngine.Shipped).Evaluate(request, TestEngine.Catalog(TestEngine.Shipped, World.Team1));
        Assert.False(decision.Allowed);
        Assert.Equal(Severity.Error, decision.One(RuleIds.YamlDuplicateKey).Severity);
    }
}

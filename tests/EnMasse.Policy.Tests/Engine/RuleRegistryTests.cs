using EnMasse.Policy.Defaults;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Engine;

public sealed class RuleRegistryTests
{
    /// <summary>The ids of rules.md and of issues #9 and #16's additions (docs/rules/): the contract the registry must keep.</summary>
    private static readonly string[] SpecRules =
    [
        "yaml.syntax", "yaml.duplicate-key", "schema.unknown-field", "schema.type", "schema.required",
        "addressspace.name", "addressspace.type", "addressspace.plan", "addressspace.plan-type", "addressspace.authentication-service",
        "addressspace.endpoint", "addressspace.cert", "addressspace.export", "addressspace.immutable",
        "address.name", "address.space", "address.address", "address.type", "address.plan", "address.plan-type",
        "address.plan-allowed", "address.topic", "address.duplicate", "address.immutable",
        "user.name", "user.space", "user.username", "user.authentication", "user.serviceaccount-namespace",
        "user.authorization", "user.authorization-address", "user.immutable",
        "schema.api-version", "schema.kind", "metadata.unknown-field",
        "addressspace.connector", "addressspace.protected-annotation", "addressspace.cert-secret", "addressspace.realm-collision",
        "address.forwarder", "user.username-duplicate", "capacity.address", "capacity.plan-change",
        "tenant.plan", "tenant.address-plan", "tenant.quota", "tenant.naming", "tenant.authentication",
    ];

    private static readonly string[] SpecFixed =
    [
        "yaml.syntax", "schema.required", "addressspace.type", "addressspace.plan", "addressspace.plan-type", "addressspace.immutable",
        "address.name", "address.type", "address.plan", "address.plan-type", "address.immutable",
        "user.name", "user.username", "user.authentication", "user.immutable",
        "schema.api-version", "schema.kind",
    ];

    [Fact]
    public void Every_rule_of_the_spec_is_registered_once() =>
        Assert.Equal(SpecRules.Order(StringComparer.Ordinal), RuleRegistry.All.Select(r => r.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Exactly_the_spec_fixed_rules_are_fixed() =>
        Assert.Equal(SpecFixed.Order(StringComparer.Ordinal), RuleRegistry.All.Where(r => r.Fixed).Select(r => r.Id).Order(StringComparer.Ordinal));

    /// <summary>Warnings by default: checks whose finding may be fine (a pattern for an address to come, a platform narrowing EnMasse lacks, a dropped metadata key, a realm shared by long names).</summary>
    [Fact]
    public void Exactly_the_advisory_rules_default_to_warning() =>
        Assert.Equal(
            ["address.plan-allowed", "addressspace.realm-collision", "metadata.unknown-field", "user.authorization-address"],
            RuleRegistry.All.Where(r => r.DefaultSeverity == Severity.Warning).Select(r => r.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_default_of_the_spec_is_registered() =>
        Assert.Equal(["default.address", "default.authentication-service", "default.cert", "default.endpoints"], Defaulter.All.Select(d => d.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_rule_has_a_summary() => Assert.All(RuleRegistry.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Summary)));

    [Theory]
    [InlineData("*", "address.plan", true)]
    [InlineData("address.*", "address.plan", true)]
    [InlineData("address.*", "addressspace.plan", false)]
    [InlineData("address.plan", "address.plan-type", false)]
    public void Rule_patterns_match_ids(string pattern, string id, bool expected) => Assert.Equal(expected, RuleRegistry.PatternMatches(pattern, id));
}

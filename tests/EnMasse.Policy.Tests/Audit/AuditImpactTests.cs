using EnMasse.Policy.Audit;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Audit;

/// <summary>The difference of two audits of the same objects, object by object.</summary>
public sealed class AuditImpactTests
{
    private static Finding Found(string rule, Severity severity, string path = "spec.plan", string message = "m", bool exempted = false) =>
        new(rule, severity, message, "team1/Address/s.q", 0, 0, "Address", "team1", "s.q", path, exempted);

    private static BatchResult Audit(params (string Name, Finding[] Findings)[] objects) =>
        new([.. objects.SelectMany(o => o.Findings)], [.. objects.Select(o => new CheckedResource(Address(o.Name), Operation.Update, new Decision(true, !o.Findings.Any(f => f.Denies), o.Findings, [], null)))], 0, 0);

    private static Resource Address(string name) =>
        Resource.From(TestEngine.Single($"apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: {{ name: {name}, namespace: team1 }}\n").Root, "team1")!;

    [Fact]
    public void Each_object_is_placed_by_how_its_verdict_moves()
    {
        var error = Found(RuleIds.AddressPlan, Severity.Error);
        var otherError = Found(RuleIds.AddressType, Severity.Error, "spec.type");
        var warning = Found(RuleIds.AddressTopic, Severity.Warning, "spec.topic");
        var current = Audit(("s.same", [error]), ("s.fails", []), ("s.passes", [error]), ("s.differently", [error]), ("s.warned", [warning]), ("s.exempted", [error]));
        var proposed = Audit(("s.same", [error]), ("s.fails", [error]), ("s.passes", [warning]), ("s.differently", [otherError]), ("s.warned", []), ("s.exempted", [error with { Exempted = true }]));

        var impact = AuditImpact.Compare(current, proposed);

        Assert.Equal(6, impact.Objects);
        Assert.Equal(
            [
                ("team1/Address/s.fails", ImpactChange.NewlyFails),
                ("team1/Address/s.passes", ImpactChange.NewlyPasses),
                ("team1/Address/s.differently", ImpactChange.StillFailsDifferently),
                ("team1/Address/s.warned", ImpactChange.WarningsChanged),
                ("team1/Address/s.exempted", ImpactChange.NewlyPasses),
            ],
            impact.Changed.Select(c => (c.Object, c.Change)));
        Assert.Equal((1, 2, 4, 3), (impact.NewlyFailing, impact.NewlyPassing, impact.FailBefore, impact.FailAfter));
        Assert.Equal(2, impact.FailBoth);
        var passes = impact.Changed.Single(c => c.Name == "s.passes");
        Assert.Equal([warning], passes.Added);
        Assert.Equal([error], passes.Removed);
    }

    [Fact]
    public void The_same_findings_in_another_order_are_no_change()
    {
        var a = Found(RuleIds.AddressPlan, Severity.Error);
        var b = Found(RuleIds.AddressType, Severity.Warning, "spec.type");
        var impact = AuditImpact.Compare(Audit(("s.q", [a, b])), Audit(("s.q", [b, a])));
        Assert.Empty(impact.Changed);
    }

    [Fact]
    public void A_new_message_for_the_same_rule_and_path_is_a_change()
    {
        var impact = AuditImpact.Compare(Audit(("s.q", [Found(RuleIds.AddressPlan, Severity.Error, message: "published: a, b")])), Audit(("s.q", [Found(RuleIds.AddressPlan, Severity.Error, message: "published: a")])));
        Assert.Equal(ImpactChange.StillFailsDifferently, Assert.Single(impact.Changed).Change);
    }
}

using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The product's worst bug would be the two doors disagreeing. Every case runs through the
/// CLI's engine path (BatchValidator over the YAML file, as `validate` calls it) and through a
/// real HTTPS review to a running webhook; verdict, rule ids and messages must be equal.
/// </summary>
public sealed class ParityTests : IAsyncLifetime
{
    private ParityDoors _doors = null!;

    public static TheoryData<ParityCase> Cases => new(ParityCases.All);

    public async Task InitializeAsync() => _doors = await ParityDoors.StartAsync(World.Team1);

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task The_cli_path_and_the_webhook_agree(ParityCase testCase) => _doors.AssertAgreeAsync(testCase);

    [Fact]
    public void Every_tenant_rule_is_covered_allowed_and_denied()
    {
        ParityCase[] all = [.. ParityCases.All, .. ParityTenantCases.All];
        var denied = all.Where(c => !c.Allowed).SelectMany(c => c.Rules).ToHashSet();
        var warned = all.Where(c => c.Allowed).SelectMany(c => c.Rules).ToHashSet();
        // yaml.syntax and yaml.duplicate-key live in the text, which kubectl turns into JSON
        // before the webhook sees it; their own tests cover both doors.
        foreach (var rule in EnMasse.Policy.Rules.RuleRegistry.All.Where(r => r.Id is not (RuleIds.YamlSyntax or RuleIds.YamlDuplicateKey)))
        {
            Assert.True(denied.Contains(rule.Id) || warned.Contains(rule.Id), $"{rule.Id} has no parity case that fires it");
        }

        Assert.True(ParityCases.All.Count(c => c.Allowed && c.Rules.Length == 0) >= 5);
    }

    [Fact]
    public async Task A_repeated_key_in_raw_json_is_denied_as_the_cli_denies_it_in_yaml()
    {
        const string Object = """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q9"},"spec":{"address":"q9","type":"queue","plan":"standard-small-queue","plan":"standard-medium-queue"}}""";
        var (_, review, _) = await _doors.Server.PostAsync("/validate", Reviews.For(Object));
        var response = review!.Value.GetProperty("response");
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("[yaml.duplicate-key] spec.plan: key \"plan\" is repeated", response.GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);

        var yaml = BatchValidator.Validate(_doors.Bundle, [DocumentLoader.LoadText("q.yaml", "apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: { name: myspace.q9 }\nspec: { address: q9, type: queue, plan: standard-small-queue, plan: standard-medium-queue }\n")], [DocumentLoader.LoadText("world.yaml", World.Team1)], "team1", EnforcementPoint.Admission);
        Assert.False(Assert.Single(yaml.Resources).Decision.Allowed);
        Assert.Contains(yaml.Findings, f => f.Rule == RuleIds.YamlDuplicateKey && f.Path == "spec.plan");
    }
}

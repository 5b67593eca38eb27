using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;
using EnMasse.Webhook.Admission;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The product's worst bug would be the two doors disagreeing. Every case runs through the
/// CLI's engine path (BatchValidator over the YAML file, as `validate` calls it) and through a
/// real HTTPS review to a running webhook; verdict, rule ids and messages must be equal.
/// </summary>
public sealed class ParityTests : IAsyncLifetime
{
    private WebhookServer _server = null!;
    private PolicyBundle _bundle = null!;

    public static TheoryData<ParityCase> Cases => new(ParityCases.All);

    public async Task InitializeAsync()
    {
        _server = await WebhookServer.StartAsync(World.Team1);
        _bundle = PolicyLoader.LoadDirectory(_server.PolicyDir).Bundle!;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_cli_path_and_the_webhook_agree(ParityCase testCase)
    {
        var cli = CliDecision(testCase);
        var (status, review, text) = await _server.PostAsync("/validate", Reviews.For(Json(testCase.Yaml), testCase.Operation, testCase.Old is null ? null : Json(testCase.Old)));
        Assert.True(status == 200, text);
        var response = review!.Value.GetProperty("response");

        var webhookAllowed = response.GetProperty("allowed").GetBoolean();
        var webhookErrors = response.TryGetProperty("status", out var s) ? s.GetProperty("message").GetString()!.Split('\n') : [];
        var webhookWarnings = response.TryGetProperty("warnings", out var w) ? w.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];

        Assert.Equal(cli.Allowed, webhookAllowed);
        Assert.Equal(cli.Allowed ? [] : AdmissionResponseWriter.DenialMessage(cli).Split('\n'), webhookErrors);
        Assert.Equal(AdmissionResponseWriter.Warnings(cli), webhookWarnings);

        // And both agree with what the case expects, so a shared regression cannot hide.
        Assert.Equal(testCase.Allowed, cli.Allowed);
        Assert.Equal(testCase.Rules.Order(StringComparer.Ordinal), cli.Findings.Where(f => !f.Exempted).Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_tenant_rule_is_covered_allowed_and_denied()
    {
        var denied = ParityCases.All.Where(c => !c.Allowed).SelectMany(c => c.Rules).ToHashSet();
        var warned = ParityCases.All.Where(c => c.Allowed).SelectMany(c => c.Rules).ToHashSet();
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
        var (_, review, _) = await _server.PostAsync("/validate", Reviews.For(Object));
        var response = review!.Value.GetProperty("response");
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("[yaml.duplicate-key] spec.plan: key \"plan\" is repeated", response.GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);

        var yaml = BatchValidator.Validate(_bundle, [DocumentLoader.LoadText("q.yaml", "apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata: { name: myspace.q9 }\nspec: { address: q9, type: queue, plan: standard-small-queue, plan: standard-medium-queue }\n")], [DocumentLoader.LoadText("world.yaml", World.Team1)], "team1", EnforcementPoint.Admission);
        Assert.False(Assert.Single(yaml.Resources).Decision.Allowed);
        Assert.Contains(yaml.Findings, f => f.Rule == RuleIds.YamlDuplicateKey && f.Path == "spec.plan");
    }

    private Decision CliDecision(ParityCase testCase)
    {
        var file = DocumentLoader.LoadText("case.yaml", testCase.Yaml);
        var catalog = new List<ReadResult> { DocumentLoader.LoadText("world.yaml", World.Team1) };
        if (testCase.Old is not null)
        {
            catalog.Add(DocumentLoader.LoadText("old.yaml", testCase.Old));
        }

        var result = BatchValidator.Validate(_bundle, [file], catalog, "team1", EnforcementPoint.Admission);
        return Assert.Single(result.Resources).Decision;
    }

    /// <summary>What kubectl sends: the YAML object converted to JSON.</summary>
    private static string Json(string yaml) => NodeJsonWriter.ToJson(Assert.Single(DocumentLoader.LoadText("x.yaml", yaml).Documents).Root);
}

using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;
using EnMasse.Webhook.Admission;
using EnMasse.Webhook.Serving;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The two doors over one policy and one world: a real webhook over HTTPS with the world as its
/// --catalog, and the CLI's engine path (BatchValidator over the case's YAML, as `validate` calls
/// it, with the world as --catalog).
/// </summary>
internal sealed class ParityDoors : IAsyncDisposable
{
    /// <summary>What both doors' catalogue origins read as when messages are compared.</summary>
    public const string AnyCatalogue = "<the catalogue>";

    private readonly string _world;

    private ParityDoors(WebhookServer server, PolicyBundle bundle, string world)
    {
        Server = server;
        Bundle = bundle;
        _world = world;
    }

    public WebhookServer Server { get; }

    public PolicyBundle Bundle { get; }

    public static async Task<ParityDoors> StartAsync(string world, string? policy = null)
    {
        var server = await WebhookServer.StartAsync(world, policy: policy);
        return new ParityDoors(server, PolicyLoader.LoadDirectory(server.PolicyDir).Bundle!, world);
    }

    /// <summary>
    /// Verdict, rule ids and messages must be equal. The one part of a message that differs by
    /// design is where a count comes from (the checked files offline, the webhook's catalogue
    /// online); it is read as one placeholder, and each door's own wording is checked by the tests
    /// that count.
    /// </summary>
    public async Task AssertAgreeAsync(ParityCase testCase)
    {
        var cli = Cli(testCase);
        var webhook = await WebhookAsync(testCase);

        Assert.Equal(cli.Allowed, webhook.Allowed);
        Assert.Equal(cli.Allowed ? [] : Normal(AdmissionResponseWriter.DenialMessage(cli).Split('\n')), Normal(webhook.Errors));
        Assert.Equal(Normal(AdmissionResponseWriter.Warnings(cli)), Normal(webhook.Warnings));

        // And both agree with what the case expects, so a shared regression cannot hide.
        Assert.Equal(testCase.Allowed, cli.Allowed);
        Assert.Equal(testCase.Rules.Order(StringComparer.Ordinal), cli.Findings.Where(f => !f.Exempted).Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal));
    }

    public Decision Cli(ParityCase testCase)
    {
        var file = DocumentLoader.LoadText("case.yaml", testCase.Yaml);
        var catalog = new List<ReadResult> { DocumentLoader.LoadText("world.yaml", _world) };
        if (testCase.Old is not null)
        {
            catalog.Add(DocumentLoader.LoadText("old.yaml", testCase.Old));
        }

        var result = BatchValidator.Validate(Bundle, [file], catalog, testCase.Namespace, EnforcementPoint.Admission);
        return Assert.Single(result.Resources).Decision;
    }

    public async Task<(bool Allowed, string[] Errors, string[] Warnings)> WebhookAsync(ParityCase testCase)
    {
        var body = Reviews.For(Json(testCase.Yaml), testCase.Operation, testCase.Old is null ? null : Json(testCase.Old), ns: testCase.Namespace);
        var (status, review, text) = await Server.PostAsync("/validate", body);
        Assert.True(status == 200, text);
        var response = review!.Value.GetProperty("response");
        return (
            response.GetProperty("allowed").GetBoolean(),
            response.TryGetProperty("status", out var s) ? s.GetProperty("message").GetString()!.Split('\n') : [],
            response.TryGetProperty("warnings", out var w) ? [.. w.EnumerateArray().Select(x => x.GetString()!)] : []);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>What kubectl sends: the YAML object converted to JSON.</summary>
    private static string Json(string yaml) => NodeJsonWriter.ToJson(Assert.Single(DocumentLoader.LoadText("x.yaml", yaml).Documents).Root);

    private static string[] Normal(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.Replace(OfflineCheck.Origin, AnyCatalogue, StringComparison.Ordinal).Replace(PolicySources.FilesOrigin, AnyCatalogue, StringComparison.Ordinal))];
}

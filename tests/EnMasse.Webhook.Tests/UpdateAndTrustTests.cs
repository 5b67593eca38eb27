using System.Collections.Concurrent;
using System.Text.Json;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Vocabulary;
using Microsoft.Extensions.Logging;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// What the webhook must never block, with real AdmissionReview bodies over HTTPS: EnMasse's own
/// status and finalizer writes (full-object UPDATEs in 0.31-0.33), and requests of the service
/// accounts the policy trusts.
/// </summary>
public sealed class UpdateAndTrustTests : IAsyncLifetime
{
    /// <summary>An address space whose plan is not published (a fixed rule): its CREATE is denied.</summary>
    private const string GoldSpace = """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"space3","namespace":"team1"METADATA},"spec":{"type":"standard","plan":"gold"}STATUS}""";

    private static readonly string StandardSpace = Space().Replace("\"gold\"", "\"standard-small\"", StringComparison.Ordinal);

    private readonly ConcurrentQueue<string> _log = new();
    private WebhookServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await WebhookServer.StartAsync(World.Team1, logging: builder => builder.AddProvider(new CollectingLogger(_log)));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Space(string metadata = "", string status = "") =>
        GoldSpace.Replace("METADATA", metadata, StringComparison.Ordinal).Replace("STATUS", status, StringComparison.Ordinal);

    private async Task<JsonElement> Review(string path, string body)
    {
        var (status, review, text) = await _server.PostAsync(path, body);
        Assert.True(status == 200, text);
        return review!.Value.GetProperty("response");
    }

    /// <summary>Allowed by /validate without a warning, and no patch from /mutate: the review was not judged.</summary>
    private async Task Unjudged(string body)
    {
        var validated = await Review("/validate", body);
        Assert.True(validated.GetProperty("allowed").GetBoolean());
        Assert.Empty(Warnings(validated));
        var mutated = await Review("/mutate", body);
        Assert.True(mutated.GetProperty("allowed").GetBoolean());
        Assert.False(mutated.TryGetProperty("patch", out _));
    }

    private static string[] Warnings(JsonElement response) =>
        response.TryGetProperty("warnings", out var w) ? [.. w.EnumerateArray().Select(x => x.GetString()!)] : [];

    [Fact]
    public async Task The_object_of_these_tests_is_denied_and_patched_on_create()
    {
        Assert.False((await Review("/validate", Reviews.For(Space()))).GetProperty("allowed").GetBoolean());
        Assert.True((await Review("/mutate", Reviews.For(Space()))).TryGetProperty("patch", out _));
    }

    [Fact]
    public async Task A_status_write_by_enmasse_is_allowed_and_mutate_returns_no_patch()
    {
        var status = ""","status":{"isReady":false,"phase":"Configuring","messages":["Unknown address space plan 'gold'"]}""";
        await Unjudged(Reviews.For(Space(status: status), "UPDATE", Space(), user: Reviews.ServiceAccount("enmasse-infra", "address-space-controller")));
    }

    [Fact]
    public async Task A_tenant_s_label_change_is_allowed_like_a_status_write()
    {
        await Unjudged(Reviews.For(Space(metadata: ""","labels":{"team":"a"},"annotations":{"example.com/owner":"a"}"""), "UPDATE", Space()));
    }

    [Fact]
    public async Task Removing_the_last_finalizer_of_a_deleted_object_is_allowed()
    {
        var deleting = ""","deletionTimestamp":"2024-05-01T10:00:00Z","deletionGracePeriodSeconds":0""";
        await Unjudged(Reviews.For(Space(metadata: deleting), "UPDATE", Space(metadata: deleting + ""","finalizers":["enmasse.io/address-space-controller"]""")));
    }

    [Fact]
    public async Task An_update_keeping_an_old_error_is_allowed_with_a_warning_that_says_so()
    {
        var changed = Space().Replace("\"plan\":\"gold\"", "\"plan\":\"gold\",\"endpoints\":[{\"name\":\"amqp\",\"service\":\"messaging\"}]", StringComparison.Ordinal);
        var validated = await Review("/validate", Reviews.For(changed, "UPDATE", Space()));
        Assert.True(validated.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("[addressspace.plan] spec.plan: already there before this update, not enforced: address space plan \"gold\"", Assert.Single(Warnings(validated)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enmasse_s_service_account_is_never_denied_and_each_waived_error_is_logged_and_counted()
    {
        var body = Reviews.For(Space(), "UPDATE", StandardSpace, uid: "uid-7f3a", user: Reviews.ServiceAccount("enmasse-infra", "address-space-controller"));
        var validated = await Review("/validate", body);
        Assert.True(validated.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("[addressspace.plan] spec.plan: not enforced for a trusted requester: ", Assert.Single(Warnings(validated)), StringComparison.Ordinal);

        var metrics = await _server.Client.GetStringAsync("/metrics");
        Assert.Contains("enmasse_admission_trusted_overrides_total{rule=\"addressspace.plan\"} 1", metrics, StringComparison.Ordinal);
        var line = Assert.Single(_log, l => l.Contains("uid=uid-7f3a", StringComparison.Ordinal) && l.Contains("spec.trustedRequesters", StringComparison.Ordinal));
        Assert.Contains("rules=addressspace.plan", line, StringComparison.Ordinal);
        Assert.Contains("system:serviceaccount:enmasse-infra:*", line, StringComparison.Ordinal);
        Assert.DoesNotContain("gold", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"username":"system:serviceaccount:team1:deployer","groups":["system:serviceaccounts","system:serviceaccounts:team1"]}""")]
    [InlineData("""{"username":"system:serviceaccount:enmasse-infra-x:address-space-controller","groups":["system:serviceaccounts"]}""")]
    [InlineData("""{"groups":["system:serviceaccounts:enmasse-infra"]}""")]
    [InlineData("""{"username":null,"groups":null}""")]
    [InlineData("null")]
    public async Task Anyone_else_is_denied_the_same_update(string user)
    {
        var validated = await Review("/validate", Reviews.For(Space(), "UPDATE", StandardSpace, user: user));
        Assert.False(validated.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("[addressspace.plan] spec.plan: address space plan \"gold\"", validated.GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("enmasse_admission_trusted_overrides_total{", await _server.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A real Address as EnMasse stored it (with a status the standard controller wrote), whose
    /// address space this world does not know: EnMasse's next status write is allowed by both
    /// doors, as a review by its service account and as `validate --catalog` of the stored object.
    /// </summary>
    [SkippableFact]
    public async Task A_real_enmasse_status_write_is_allowed_by_both_doors()
    {
        var stored = await File.ReadAllTextAsync(CorpusFiles.Path("admission", "enmasse-object-address-v1beta1.enmasse.json"));
        var written = stored.Replace("\"phase\": \"Configuring\"", "\"phase\": \"Active\"", StringComparison.Ordinal).Replace("\"isReady\": false", "\"isReady\": true", StringComparison.Ordinal);
        Assert.NotEqual(stored, written);
        var validated = await Review("/validate", Reviews.For(written, "UPDATE", stored, ns: "my-iot-1", user: Reviews.ServiceAccount("enmasse-infra", "address-space-admin")));
        Assert.True(validated.GetProperty("allowed").GetBoolean());
        Assert.Empty(Warnings(validated));

        var bundle = PolicyLoader.LoadDirectory(_server.PolicyDir).Bundle!;
        var cli = BatchValidator.Validate(bundle, [DocumentLoader.LoadText("address.json", written)], [DocumentLoader.LoadText("stored.json", stored), DocumentLoader.LoadText("world.yaml", World.Team1)], "team1");
        var resource = Assert.Single(cli.Resources);
        Assert.Equal(Operation.Update, resource.Operation);
        Assert.True(resource.Decision.Allowed);
        Assert.Empty(cli.Findings);

        // Judged as a CREATE, the same object is not clean: the exemption from judgement is the update's.
        var created = BatchValidator.Validate(bundle, [DocumentLoader.LoadText("address.json", written)], [], "team1");
        Assert.NotEmpty(created.Findings);
    }
}

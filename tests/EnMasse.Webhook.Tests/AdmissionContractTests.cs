using System.Text;
using System.Text.Json;

namespace EnMasse.Webhook.Tests;

public sealed class AdmissionContractTests : IAsyncLifetime
{
    private const string World = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: myspace, namespace: team1 }
        spec: { type: standard, plan: standard-small }
        """;

    private const string BadAddress = """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q1","namespace":"team1"},"spec":{"address":"q1","type":"queue","plan":"standard-huge-queue"}}""";
    private const string GoodAddress = """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q1","namespace":"team1"},"spec":{"address":"q1","type":"queue","plan":"standard-small-queue"}}""";

    private WebhookServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookServer.StartAsync(World);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("admission.k8s.io/v1")]
    [InlineData("admission.k8s.io/v1beta1")]
    public async Task A_denial_echoes_version_and_uid_and_lists_each_error(string apiVersion)
    {
        var (status, review, text) = await _server.PostAsync("/validate?timeout=10s", Reviews.For(BadAddress, apiVersion: apiVersion, uid: "uid-" + apiVersion));
        Assert.Equal(200, status);

        // Quotes are written as themselves, so the denial reads the same under curl as under kubectl.
        Assert.Contains("address plan \\\"standard-huge-queue\\\" is not published", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022", text, StringComparison.Ordinal);
        var root = review!.Value;
        Assert.Equal(apiVersion, root.GetProperty("apiVersion").GetString());
        Assert.Equal("AdmissionReview", root.GetProperty("kind").GetString());
        var response = root.GetProperty("response");
        Assert.Equal("uid-" + apiVersion, response.GetProperty("uid").GetString());
        Assert.False(response.GetProperty("allowed").GetBoolean());
        var statusObject = response.GetProperty("status");
        Assert.Equal(403, statusObject.GetProperty("code").GetInt32());
        Assert.Equal("Forbidden", statusObject.GetProperty("reason").GetString());
        Assert.StartsWith("[address.plan] spec.plan: address plan \"standard-huge-queue\" is not published", statusObject.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(response.TryGetProperty("patch", out _));
    }

    [Fact]
    public async Task An_allowed_object_gets_allowed_true_and_no_status()
    {
        var (_, review, _) = await _server.PostAsync("/validate", Reviews.For(GoodAddress));
        var response = review!.Value.GetProperty("response");
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.False(response.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Warnings_are_returned_within_the_api_server_limits()
    {
        var space = """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"s2"},"spec":{"type":"standard","plan":"standard-small","endpoints":[{"name":"a","service":"messaging","expose":{"type":"route","routeTlsTermination":"passthrough"}},{"name":"b","service":"console","expose":{"type":"route","routeTlsTermination":"reencrypt"}}]}}""";
        var (_, review, _) = await _server.PostAsync("/validate", Reviews.For(space));
        var response = review!.Value.GetProperty("response");
        Assert.True(response.GetProperty("allowed").GetBoolean());
        var warnings = response.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.InRange(w.Length, 1, 120));
        Assert.All(warnings, w => Assert.DoesNotContain("Warning:", w, StringComparison.Ordinal));
        Assert.StartsWith("[addressspace.endpoint]", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_returns_a_json_patch_and_never_denies()
    {
        var space = """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"s2"},"spec":{"type":"standard","plan":"gold"}}""";
        var (_, review, _) = await _server.PostAsync("/mutate", Reviews.For(space));
        var response = review!.Value.GetProperty("response");
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.Equal("JSONPatch", response.GetProperty("patchType").GetString());
        var patch = Encoding.UTF8.GetString(Convert.FromBase64String(response.GetProperty("patch").GetString()!));
        Assert.Equal(
            """[{"op":"add","path":"/spec/authenticationService","value":{"name":"standard-authservice"}},"""
            + """{"op":"add","path":"/spec/endpoints","value":[{"name":"messaging","service":"messaging","expose":{"type":"loadbalancer","loadBalancerPorts":["amqps"]}},{"name":"messaging-wss","service":"messaging","expose":{"type":"loadbalancer","loadBalancerPorts":["https"]}}]},"""
            + """{"op":"add","path":"/spec/endpoints/0/cert","value":{"provider":"selfsigned"}},{"op":"add","path":"/spec/endpoints/1/cert","value":{"provider":"selfsigned"}}]""",
            patch);
    }

    [Fact]
    public async Task Mutating_an_already_mutated_object_gives_no_patch()
    {
        var space = """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"s2"},"spec":{"type":"standard","plan":"standard-small"}}""";
        var (_, first, _) = await _server.PostAsync("/mutate", Reviews.For(space));
        var patch = Encoding.UTF8.GetString(Convert.FromBase64String(first!.Value.GetProperty("response").GetProperty("patch").GetString()!));
        var mutated = JsonPatchApplier.Apply(space, patch);
        var (_, second, _) = await _server.PostAsync("/mutate", Reviews.For(mutated));
        Assert.False(second!.Value.GetProperty("response").TryGetProperty("patch", out _));
        var (_, validated, _) = await _server.PostAsync("/validate", Reviews.For(mutated));
        Assert.True(validated!.Value.GetProperty("response").GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Delete_is_allowed_without_a_patch()
    {
        var (_, review, _) = await _server.PostAsync("/mutate", Reviews.For(BadAddress, operation: "DELETE", oldJson: BadAddress));
        var response = review!.Value.GetProperty("response");
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.False(response.TryGetProperty("patch", out _));
    }

    [Fact]
    public async Task Update_takes_the_old_object_from_the_review()
    {
        var changed = GoodAddress.Replace("\"address\":\"q1\"", "\"address\":\"q2\"", StringComparison.Ordinal);
        var (_, review, _) = await _server.PostAsync("/validate", Reviews.For(changed, operation: "UPDATE", oldJson: GoodAddress));
        Assert.Contains("[address.immutable] spec.address", review!.Value.GetProperty("response").GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("v1-create-pod-sa-replicaset-controller-generatename.salesforce.json")]
    [InlineData("v1beta1-create-deployment-user-admin.connaisseur.json")]
    [InlineData("v1-update-replicaset-scale-sa-deployment-controller-with-oldobject.connaisseur.json")]
    [InlineData("v1beta1-connect-pods-exec-subresource.stackrox.json")]
    public async Task Reviews_of_other_kinds_from_real_clusters_pass_untouched(string file)
    {
        var body = await File.ReadAllTextAsync(CorpusFiles.Path("admission", file));
        using var sent = JsonDocument.Parse(body);
        foreach (var path in new[] { "/validate", "/mutate" })
        {
            var (status, review, _) = await _server.PostAsync(path, body);
            Assert.Equal(200, status);
            var response = review!.Value.GetProperty("response");
            Assert.Equal(sent.RootElement.GetProperty("request").GetProperty("uid").GetString(), response.GetProperty("uid").GetString());
            Assert.Equal(sent.RootElement.GetProperty("apiVersion").GetString(), review.Value.GetProperty("apiVersion").GetString());
            Assert.True(response.GetProperty("allowed").GetBoolean());
            Assert.False(response.TryGetProperty("patch", out _));
            Assert.False(response.TryGetProperty("warnings", out _));
        }
    }

    [SkippableFact]
    public async Task A_request_only_review_wrapped_in_an_envelope_works()
    {
        var request = await File.ReadAllTextAsync(CorpusFiles.Path("admission", "request-only-delete-pod-object-null.kubewarden.json"));
        var (status, review, _) = await _server.PostAsync("/validate", $$"""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{{request}}}""");
        Assert.Equal(200, status);
        Assert.True(review!.Value.GetProperty("response").GetProperty("allowed").GetBoolean());
    }

    [SkippableTheory]
    [InlineData("malformed-v1-request-only-operation.connaisseur.json")]
    [InlineData("malformed-body-is-json-null.connaisseur.json")]
    [InlineData("malformed-v1beta1-empty-request.connaisseur.json")]
    [InlineData("malformed-not-an-admissionreview.connaisseur.json")]
    public async Task Malformed_bodies_from_real_projects_get_400(string file)
    {
        var (status, _, text) = await _server.PostAsync("/validate", await File.ReadAllTextAsync(CorpusFiles.Path("admission", file)));
        Assert.Equal(400, status);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"\ud800","operation":"CREATE"}}""")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":5,"operation":"CREATE"}}""")]
    [InlineData("[1, 2]")]
    public async Task A_review_with_a_field_of_the_wrong_type_or_not_valid_text_gets_400(string body)
    {
        var (status, _, text) = await _server.PostAsync("/validate", body);
        Assert.Equal(400, status);
        Assert.StartsWith("the body is not an AdmissionReview", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_400()
    {
        var (status, _, text) = await _server.PostAsync("/validate", "{not json");
        Assert.Equal((400, "the body is not JSON"), (status, text));
    }

    [Fact]
    public async Task A_non_json_content_type_gets_415()
    {
        var (status, _, _) = await _server.PostAsync("/validate", Reviews.For(GoodAddress), "text/yaml");
        Assert.Equal(415, status);
        var (withCharset, _, _) = await _server.PostAsync("/validate", Reviews.For(GoodAddress), "application/json; charset=utf-8");
        Assert.Equal(200, withCharset);
    }

    [Fact]
    public async Task A_body_over_7_MiB_gets_413()
    {
        var padding = new string('x', 8 * 1024 * 1024);
        var (status, _, _) = await _server.PostAsync("/validate", Reviews.For(GoodAddress.Replace("\"q1\",\"type\"", $"\"q1\",\"pad\":\"{padding}\",\"type\"", StringComparison.Ordinal)));
        Assert.Equal(413, status);
        var (after, _, _) = await _server.PostAsync("/validate", Reviews.For(GoodAddress));
        Assert.Equal(200, after);
    }

    [Fact]
    public async Task Health_readiness_and_metrics_are_served()
    {
        Assert.Equal("ok", await _server.Client.GetStringAsync("/healthz"));
        Assert.Equal("ready", await _server.Client.GetStringAsync("/readyz"));
        await _server.PostAsync("/validate", Reviews.For(BadAddress, dryRun: true));
        var metrics = await _server.Client.GetStringAsync("/metrics");
        Assert.Contains("enmasse_admission_requests_total{webhook=\"validate\",kind=\"Address\",operation=\"CREATE\",allowed=\"false\",dry_run=\"true\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("enmasse_admission_findings_total{rule=\"address.plan\",severity=\"error\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("enmasse_admission_duration_seconds_bucket{webhook=\"validate\"", metrics, StringComparison.Ordinal);
        Assert.Contains("enmasse_policy_reloads_total{result=\"success\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("enmasse_catalog_objects{kind=\"AddressPlan\"} 22", metrics, StringComparison.Ordinal);
        Assert.Contains("enmasse_certificate_expiry_timestamp_seconds ", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_speaks_http_1_1_over_tls()
    {
        using var response = await _server.Client.GetAsync("/healthz");
        Assert.Equal(new Version(1, 1), response.Version);
    }

    [Fact]
    public async Task A_password_never_appears_in_a_response()
    {
        var user = """{"apiVersion":"user.enmasse.io/v1beta1","kind":"MessagingUser","metadata":{"name":"myspace.Teller"},"spec":{"username":"Teller","authentication":{"type":"password","password":"s3cr3t-p4ssw0rd!"}}}""";
        var (_, _, text) = await _server.PostAsync("/validate", Reviews.For(user));
        Assert.Contains("user.authentication", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-p4ssw0rd!", text, StringComparison.Ordinal);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EnMasse.Webhook.Tests.Reliability;

/// <summary>
/// A malformed body is a 4xx with a plain message (and its uid when one could be read), never a
/// 500 and never an empty body; what the CLI reads as a finding is a finding here too
/// (reliability review D3, D9, D13, D14, D15, D18).
/// </summary>
public sealed class EnvelopeHardeningTests : IAsyncLifetime
{
    private WebhookServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookServer.StartAsync(World.Team1);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Address(string plan = "standard-small-queue", string spec = "") =>
        """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q1","namespace":"team1"},"spec":{"address":"q1","type":"queue","plan":""" + $"\"{plan}\"{spec}}}}}";

    private async Task<(int Status, string Text)> PostBytes(string path, byte[] body, string? encoding = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        using var response = await _server.Client.PostAsync(path, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Response(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("response").Clone();
    }

    [Theory]
    [InlineData("uid")]
    [InlineData("namespace")]
    [InlineData("name")]
    [InlineData("operation")]
    public async Task Half_a_surrogate_pair_in_an_envelope_string_is_a_400_with_a_message(string field)
    {
        var review = Reviews.For(Address(), uid: field == "uid" ? "PH" : "uid-surrogate", ns: field == "namespace" ? "PH" : "team1");
        review = field switch
        {
            "name" => review.Replace("\"namespace\":", "\"name\":\"PH\",\"namespace\":", StringComparison.Ordinal),
            "operation" => review.Replace("\"operation\":\"CREATE\"", "\"operation\":\"PH\"", StringComparison.Ordinal),
            _ => review,
        };

        var (status, text) = await PostBytes("/validate", Encoding.UTF8.GetBytes(review.Replace("PH", "\\ud800", StringComparison.Ordinal)));

        Assert.Equal(400, status);
        Assert.Contains("not valid text", text, StringComparison.Ordinal);
        if (field != "uid")
        {
            Assert.Contains("uid-surrogate", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Half_a_surrogate_pair_in_the_object_is_a_syntax_finding_in_the_verdict()
    {
        var body = Encoding.UTF8.GetBytes(Reviews.For(Address(plan: "PH")).Replace("PH", "\\ud800", StringComparison.Ordinal));

        var (status, text) = await PostBytes("/validate", body);

        Assert.Equal(200, status);
        var response = Response(text);
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Contains("[yaml.syntax] spec.plan:", response.GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);
        var (mutateStatus, mutated) = await PostBytes("/mutate", body);
        Assert.Equal(200, mutateStatus);
        Assert.True(Response(mutated).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_string_is_a_400_that_names_the_uid()
    {
        var text = Encoding.UTF8.GetBytes(Reviews.For(Address(plan: "PH"), uid: "uid-bytes"));
        var at = Encoding.UTF8.GetString(text).IndexOf("PH", StringComparison.Ordinal);
        text[at] = 0xff;
        text[at + 1] = 0xfe;

        var (status, message) = await PostBytes("/validate", text);

        Assert.Equal(400, status);
        Assert.Contains("UTF-8", message, StringComparison.Ordinal);
        Assert.Contains("uid-bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunk_size_that_overflows_is_a_400_not_a_500()
    {
        var request = $"POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nffffffffffffffffff\r\n{{}}\r\n0\r\n\r\n";

        var (status, _) = await RawHttps.SendAsync(_server, request);

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Json_nested_to_the_yaml_limit_gets_a_verdict_and_one_level_more_a_syntax_finding()
    {
        // The object's own mappings count: the root, spec, then the nested field.
        string Nested(int depth) => ",\"deep\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth - 3)) + "{}" + new string('}', depth - 3);

        var (status, text) = await PostBytes("/validate", Encoding.UTF8.GetBytes(Reviews.For(Address(spec: Nested(100)))));
        Assert.Equal(200, status);
        var message = Response(text).GetProperty("status").GetProperty("message").GetString()!;
        Assert.StartsWith("[schema.unknown-field] spec.deep:", message, StringComparison.Ordinal);

        var (deeperStatus, deeper) = await PostBytes("/validate", Encoding.UTF8.GetBytes(Reviews.For(Address(spec: Nested(101)))));
        Assert.Equal(200, deeperStatus);
        Assert.Contains("[yaml.syntax]", Response(deeper).GetProperty("status").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compressed_body_is_refused_with_415_and_says_why()
    {
        using var packed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Reviews.For(Address())));
        }

        var (status, text) = await PostBytes("/validate", packed.ToArray(), encoding: "gzip");

        Assert.Equal(415, status);
        Assert.Contains("Content-Encoding", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_megabyte_plan_name_gets_a_bounded_denial()
    {
        var (status, text) = await PostBytes("/validate", Encoding.UTF8.GetBytes(Reviews.For(Address(plan: new string('x', 1024 * 1024)))));

        Assert.Equal(200, status);
        var message = Response(text).GetProperty("status").GetProperty("message").GetString()!;
        Assert.True(message.Length < 8192, $"a denial of {message.Length} characters");
        Assert.Contains("characters)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thousands_of_findings_make_a_bounded_denial_that_says_how_many_were_left_out()
    {
        var fields = string.Concat(Enumerable.Range(0, 5000).Select(i => $",\"field{i}\":1"));

        var (status, text) = await PostBytes("/validate", Encoding.UTF8.GetBytes(Reviews.For(Address(spec: fields))));

        Assert.Equal(200, status);
        var message = Response(text).GetProperty("status").GetProperty("message").GetString()!;
        Assert.True(message.Length <= 16 * 1024, $"a denial of {message.Length} characters");
        Assert.Contains("more findings", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_on_healthz_and_readyz_is_answered()
    {
        foreach (var path in new[] { "/healthz", "/readyz" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, path);
            using var response = await _server.Client.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace EnMasse.Webhook.Tests.Reliability;

/// <summary>
/// Properties over generated hostile AdmissionReview bodies, sent over real HTTPS: every body
/// is answered with a review that echoes its uid, or a 4xx with a message; never a 500, never
/// an empty body, never a control character or a secret in a denial.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class HostileReviewProperties : IAsyncLifetime
{
    private WebhookServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A body, the uid it carries when it is a review at all, and a secret it holds (or null).</summary>
    private sealed record Body(byte[] Bytes, string? Uid, string? Secret, string Path);

    private static readonly Gen<string> Operation = Gen.OneOf(Gen.Const("CREATE"), Gen.Const("UPDATE"), Gen.Const("DELETE"), Gen.Const("CONNECT"), Hostile.Text);

    private static string Envelope(string uid, string operation, string objectJson, string apiVersion = "admission.k8s.io/v1") =>
        $"{{\"apiVersion\":\"{apiVersion}\",\"kind\":\"AdmissionReview\",\"request\":{{\"uid\":\"{uid}\",\"kind\":{{\"group\":\"enmasse.io\",\"version\":\"v1beta1\",\"kind\":\"Address\"}},\"namespace\":\"team1\",\"operation\":{Hostile.Json(new Hostile.Str(operation))},\"object\":{objectJson},\"oldObject\":{objectJson}}}}}";

    private static readonly Gen<Body> Bodies = Gen.Frequency(
        (4, Gen.Select(Hostile.Word, Operation, Hostile.Object, Gen.Bool, (uid, operation, obj, mutate) =>
            new Body(Encoding.UTF8.GetBytes(Envelope(uid, operation, Hostile.Json(obj))), uid, null, mutate ? "/mutate" : "/validate"))),
        (2, Gen.Select(Hostile.Word, Hostile.UserWithSecret, (uid, user) =>
            new Body(Encoding.UTF8.GetBytes(Envelope(uid, "CREATE", Hostile.Json(user.User))), uid, user.Password, "/validate"))),
        (2, Gen.Select(Hostile.Word, Hostile.Object, Gen.Int[0, 6], Gen.Int[0, int.MaxValue], (uid, obj, damage, at) =>
        {
            var text = Encoding.UTF8.GetBytes(Envelope(uid, "CREATE", Hostile.Json(obj), apiVersion: damage == 6 ? "admission.k8s.io/v2" : "admission.k8s.io/v1"));
            var bytes = damage switch
            {
                0 => text[..(at % text.Length)],
                1 => [.. text[..(at % text.Length)], 0xff, 0xfe, .. text[(at % text.Length)..]],
                2 => Encoding.UTF8.GetBytes("[" + Encoding.UTF8.GetString(text) + "]"),
                3 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(text).Replace($"\"uid\":\"{uid}\"", "\"uid\":\"\\ud800\"", StringComparison.Ordinal)),
                4 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000)),
                5 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(text).Replace("\"uid\":", "\"uid\":1,\"x\":", StringComparison.Ordinal)),
                _ => text,
            };
            return new Body(bytes, null, null, at % 2 == 0 ? "/mutate" : "/validate");
        })));

    [Fact]
    public async Task Every_body_gets_a_review_with_its_uid_or_a_4xx_with_a_message() =>
        await Bodies.SampleAsync(
            async body =>
            {
                using var content = new ByteArrayContent(body.Bytes);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
                using var response = await _server.Client.PostAsync(body.Path, content);
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;

                Assert.True(status is 200 or 400 or 413 or 415, $"status {status}: {text}");
                Assert.NotEmpty(text);
                if (body.Secret is not null)
                {
                    Secrets.AssertAbsent(text, body.Secret);
                }

                if (status != 200)
                {
                    Assert.DoesNotContain(text, char.IsControl);
                    return;
                }

                using var document = JsonDocument.Parse(text);
                var answer = document.RootElement.GetProperty("response");
                if (body.Uid is not null)
                {
                    Assert.Equal(body.Uid, answer.GetProperty("uid").GetString());
                }

                var allowed = answer.GetProperty("allowed").GetBoolean();
                Assert.True(allowed || body.Path == "/validate", "the mutating webhook denied");
                if (!allowed)
                {
                    var message = answer.GetProperty("status").GetProperty("message").GetString()!;
                    Assert.DoesNotContain(message.Replace("\n", string.Empty, StringComparison.Ordinal), char.IsControl);
                }
            },
            iter: Hostile.Iterations(80),
            print: body => $"{body.Path} {Encoding.UTF8.GetString(body.Bytes.AsSpan(0, Math.Min(body.Bytes.Length, 1500)))}");
}

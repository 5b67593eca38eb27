using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EnMasse.Webhook.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task A_review_in_flight_when_shutdown_starts_is_still_answered()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Encoding.UTF8.GetBytes(Reviews.For("""{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"s1"},"spec":{"type":"standard","plan":"standard-small"}}"""));
        var content = new GatedContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Expect: 100-continue holds the body until the server's handler reads it, so the
        // review is certainly in flight when the stop begins.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate") { Content = content };
        request.Headers.ExpectContinue = true;
        var sending = server.Client.SendAsync(request);

        await content.HalfSent.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = server.StopAsync();
        content.Release();

        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var review = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(review.RootElement.GetProperty("response").GetProperty("allowed").GetBoolean());
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends the first half of a body, says so, and sends the rest only when released.</summary>
    private sealed class GatedContent(byte[] body) : HttpContent
    {
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HalfSent => _halfSent.Task;

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = body.Length / 2;
            await stream.WriteAsync(body.AsMemory(0, half));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _release.Task;
            await stream.WriteAsync(body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}

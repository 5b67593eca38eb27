using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EnMasse.Soak;

/// <summary>
/// Clients that send allowed and denied Address reviews in turn, each with its own uid, and
/// check every answer: status 200, the uid echoed, the verdict expected.
/// </summary>
internal sealed class Load(HttpClient client)
{
    private long _requests;
    private long _non2xx;
    private long _failed;
    private long _wrongVerdicts;
    private long _uid;

    public long Requests => Interlocked.Read(ref _requests);

    public long Non2xx => Interlocked.Read(ref _non2xx);

    /// <summary>Requests that got no HTTP answer at all (connection refused or reset, timeout).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public long WrongVerdicts => Interlocked.Read(ref _wrongVerdicts);

    public string? FirstProblem { get; private set; }

    public static string Address(string ns, string plan, string uid) =>
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"" + uid
        + "\",\"kind\":{\"group\":\"enmasse.io\",\"version\":\"v1beta1\",\"kind\":\"Address\"},\"namespace\":\"" + ns
        + "\",\"operation\":\"CREATE\",\"object\":{\"apiVersion\":\"enmasse.io/v1beta1\",\"kind\":\"Address\",\"metadata\":{\"name\":\"myspace.q1\",\"namespace\":\"" + ns
        + "\"},\"spec\":{\"address\":\"q1\",\"type\":\"queue\",\"plan\":\"" + plan + "\"}}}}";

    public Task RunAsync(int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => Client(stop), CancellationToken.None)));

    /// <summary>The verdict for one review, or null when the answer was not a review echoing the uid.</summary>
    public static async Task<bool?> VerdictAsync(HttpClient client, string body, string uid)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/validate", content);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var answer = document.RootElement.GetProperty("response");
        return answer.GetProperty("uid").GetString() == uid ? answer.GetProperty("allowed").GetBoolean() : null;
    }

    private async Task Client(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _uid);
            var allow = n % 2 == 0;
            var uid = "soak-" + n;
            Interlocked.Increment(ref _requests);
            try
            {
                var body = Address("team1", allow ? "standard-small-queue" : "standard-huge-queue", uid);
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync("/validate", content, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _non2xx);
                    FirstProblem ??= $"{uid}: HTTP {(int)response.StatusCode}";
                    continue;
                }

                using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(CancellationToken.None));
                var answer = document.RootElement.GetProperty("response");
                if (answer.GetProperty("uid").GetString() != uid || answer.GetProperty("allowed").GetBoolean() != allow)
                {
                    Interlocked.Increment(ref _wrongVerdicts);
                    FirstProblem ??= $"{uid}: answered {answer}";
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Interlocked.Increment(ref _failed);
                FirstProblem ??= $"{uid}: {e.GetType().Name}: {e.Message}";
            }
        }
    }
}

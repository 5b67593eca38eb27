using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace EnMasse.Soak;

/// <summary>Bodies from the reliability review, sent while the load runs: each must get a 200 review or a 4xx, never a 5xx or a dropped connection.</summary>
internal static class HostileBodies
{
    public static async Task<(int Sent, int Answered4xx, int Answered200, int Other)> SendAsync(HttpClient client)
    {
        int sent = 0, bad = 0, ok = 0, other = 0;
        foreach (var (body, encoding) in Bodies())
        {
            sent++;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (encoding is not null)
                {
                    content.Headers.ContentEncoding.Add(encoding);
                }

                using var response = await client.PostAsync("/validate", content);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                if (status == 200)
                {
                    ok++;
                }
                else if (status is >= 400 and < 500 && text.Length > 0)
                {
                    bad++;
                }
                else
                {
                    other++;
                }
            }
            catch (HttpRequestException)
            {
                other++;
            }
        }

        return (sent, bad, ok, other);
    }

    private static IEnumerable<(byte[] Body, string? Encoding)> Bodies()
    {
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        var good = Load.Address("team1", "standard-small-queue", "hostile");
        yield return (Utf8(good.Replace("\"uid\":\"hostile\"", "\"uid\":\"\\ud800\"", StringComparison.Ordinal)), null);
        yield return (Utf8(good.Replace("standard-small-queue", "\\ud800", StringComparison.Ordinal)), null);
        yield return ([.. Utf8(good)[..200], 0xff, 0xfe, .. Utf8(good)[200..]], null);
        yield return (Utf8("{\"apiVersion\":"), null);
        yield return (Utf8(string.Concat(Enumerable.Repeat("[", 20_000))), null);
        yield return (Utf8(good.Replace("standard-small-queue", new string('x', 1024 * 1024), StringComparison.Ordinal)), null);
        yield return (Utf8(good.Replace("\"spec\":{", "\"spec\":{" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"\"a{i}\":\"\",")), StringComparison.Ordinal)), null);
        yield return (Utf8(good.Replace("\"spec\":{", "\"spec\":{\"deep\":" + string.Concat(Enumerable.Repeat("{\"a\":", 150)) + "1" + new string('}', 150) + ",", StringComparison.Ordinal)), null);
        yield return (new byte[8 * 1024 * 1024], null);
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Utf8(good));
        }

        yield return (packed.ToArray(), "gzip");
        for (var i = 0; i < 200; i++)
        {
            yield return (Utf8(good.Replace("\"kind\":\"Address\"},", $"\"kind\":\"K{i}{new string('k', 2000)}\"}},", StringComparison.Ordinal).Replace("\"CREATE\"", $"\"OP{i}{new string('o', 1000)}\"", StringComparison.Ordinal)), null);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EnMasse.Benchmarks.Webhook;

/// <summary>One wrk run: requests per second, failed requests, p50 and p99 in milliseconds.</summary>
internal sealed partial record WrkResult(double Rps, long Errors, double P50Ms, double P99Ms)
{
    public const int Connections = 32;

    /// <summary>wrk with review.lua: 2 threads, 32 keep-alive connections; paced to about <paramref name="rate"/> requests per second when given.</summary>
    public static WrkResult Run(string wrk, string script, Uri url, string body, int seconds, double? rate = null)
    {
        var info = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{Connections}", $"-d{seconds}s", "--timeout", "5s", "-s", script, url.ToString() })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["BODY"] = body;
        if (rate is { } r)
        {
            // Each connection sends, waits for the answer, then pauses: the pause sets the rate.
            info.Environment["DELAY_MS"] = Math.Max(0.1, Connections * 1000 / r).ToString("0.000", CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var match = Result().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no result: {output}{errors}");
        }

        double Value(string name) => double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new WrkResult(Value("requests") / (Value("duration") / 1e6), (long)Value("errors"), Value("p50") / 1000, Value("p99") / 1000);
    }

    [GeneratedRegex(@"RESULT requests=(?<requests>\d+) duration_us=(?<duration>\d+) errors=(?<errors>\d+) p50_us=(?<p50>\d+) p99_us=(?<p99>\d+)")]
    private static partial Regex Result();
}

using System.Diagnostics;
using System.Globalization;

namespace EnMasse.Soak;

/// <summary>
/// One soak: start the Release webhook, warm it up, then drive it with checked load for the
/// given time while a schedule of faults runs, and print one table. The bar: no failed request
/// and no wrong verdict through all faults, resident memory after the run within 20% of what
/// it was after the warm-up.
/// </summary>
internal static class SoakRun
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string dll, string repository, int seconds, int clients)
    {
        using var work = new Workspace(repository);
        var logPath = Path.Combine(Path.GetTempPath(), "enmasse-soak-webhook.log");
        await using var log = new StreamWriter(logPath) { AutoFlush = true };
        var port = 20000 + Random.Shared.Next(20000);
        await using var webhook = await WebhookProcess.StartAsync(dll, work, port, log);
        var rssStart = webhook.RssMiB();

        // The warm-up sends the hostile bodies once too: their buffers are part of the working
        // set, so RSS after it is the plateau, and growth past it is what the bar catches.
        var load = new Load(webhook.Client);
        using var warm = new CancellationTokenSource(WarmUp);
        var warming = load.RunAsync(clients, warm.Token);
        await HostileBodies.SendAsync(webhook.Client);
        await warming;
        var rssWarm = webhook.RssMiB();
        var warmRequests = load.Requests;

        var steps = new List<(double At, string What, string Seen)>();
        var readiness = new Readiness(webhook);
        using var stop = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var running = load.RunAsync(clients, stop.Token);
        var sampling = readiness.RunAsync(stop.Token);
        var rssPeak = rssWarm;
        var probe = new Probe(webhook);

        async Task At(double fraction)
        {
            var due = TimeSpan.FromSeconds(seconds * fraction) - watch.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            rssPeak = Math.Max(rssPeak, webhook.RssMiB());
        }

        async Task Step(double fraction, string what, Func<Task<string>> act)
        {
            await At(fraction);
            var at = watch.Elapsed.TotalSeconds;
            var rss = webhook.RssMiB();
            steps.Add((at, what, await act() + $"; RSS {rss:F0} MiB"));
        }

        var reloads = new Reloads(webhook);
        await Step(0.10, "valid edit: exemption for team9", async () =>
        {
            work.ExemptTeam9();
            return await probe.UntilAsync(allowed: true) + await reloads.SinceAsync();
        });
        await Step(0.20, "policy.yaml broken (unclosed mapping)", async () =>
        {
            work.BreakPolicy();
            return await reloads.UntilFailureAsync() + "; probe " + (await probe.NowAsync() ? "still allowed: last good kept" : "DENIED");
        });
        await Step(0.30, "policy.yaml restored (no team9 exemption)", async () =>
        {
            work.Restore();
            return await probe.UntilAsync(allowed: false) + await reloads.SinceAsync();
        });
        await Step(0.40, "certificate pair replaced (key first)", async () =>
        {
            var before = await Clients.ServedSerialAsync(webhook.Ca, webhook.Address);
            work.ReplaceCertificate();
            for (var i = 0; i < 100; i++)
            {
                if (await Clients.ServedSerialAsync(webhook.Ca, webhook.Address) != before)
                {
                    return $"new certificate served after {i * 0.1:F1} s";
                }

                await Task.Delay(100);
            }

            return "OLD CERTIFICATE STILL SERVED";
        });
        await Step(0.50, "FIFO, link to /dev/zero, dangling link in plans/", async () =>
        {
            work.AddSpecialFiles();
            var seen = await reloads.UntilFailureAsync();
            work.RemoveSpecialFiles();
            return seen + "; removed: " + await reloads.UntilSuccessAsync();
        });
        await Step(0.60, "policy directory deleted, back 1 s later with team9 exemption", async () =>
        {
            work.DeletePolicies();
            var seen = await reloads.UntilFailureAsync();
            await Task.Delay(1000);
            work.Recreate();
            return seen + "; back: " + await probe.UntilAsync(allowed: true);
        });
        await Step(0.75, "hostile bodies (review D2-D14) and 200 unique kinds/operations", async () =>
        {
            var (sent, answered4xx, answered200, other) = await HostileBodies.SendAsync(webhook.Client);
            return $"{sent} sent: {answered200} reviews, {answered4xx} 4xx with a message, {other} other";
        });
        await Step(0.85, "policy.yaml restored", async () =>
        {
            work.Restore();
            return await probe.UntilAsync(allowed: false) + await reloads.SinceAsync();
        });

        await At(1.0);
        await stop.CancelAsync();
        await running;
        await sampling;
        var elapsed = watch.Elapsed.TotalSeconds;
        var rssAfter = webhook.RssMiB();
        var metrics = await webhook.MetricsAsync();
        var exit = await webhook.StopAsync();

        var requests = load.Requests - warmRequests;
        var growth = (rssAfter - rssWarm) / rssWarm;
        var ok = load.Failed == 0 && load.Non2xx == 0 && load.WrongVerdicts == 0 && readiness.NotReady == 0 && growth <= 0.20 && !steps.Exists(s => s.Seen.Contains("DENIED", StringComparison.Ordinal) || s.Seen.Contains("OLD", StringComparison.Ordinal) || s.Seen.Contains("timed out", StringComparison.Ordinal));

        var table = new List<(string, string)>
        {
            ("run", $"{elapsed:F0} s after a {WarmUp.TotalSeconds:F0} s warm-up, {clients} clients, {Environment.ProcessorCount} cores shared with the driver, GC heap limit 192 MiB as in the chart's pod"),
            ("requests (checked load)", $"{requests:N0} ({requests / elapsed:N0}/s)"),
            ("failed requests (no answer)", load.Failed.ToString(CultureInfo.InvariantCulture)),
            ("non-2xx", load.Non2xx.ToString(CultureInfo.InvariantCulture)),
            ("wrong verdicts (uid and verdict checked)", load.WrongVerdicts.ToString(CultureInfo.InvariantCulture)),
            ("readiness samples / not ready", $"{readiness.Samples} / {readiness.NotReady}"),
            ("policy reloads success / failure", $"{Metric(metrics, "enmasse_policy_reloads_total{result=\"success\"}")} / {Metric(metrics, "enmasse_policy_reloads_total{result=\"failure\"}")}"),
            ("request series in /metrics", Series(metrics).ToString(CultureInfo.InvariantCulture)),
            ("RSS at start / after warm-up / peak / after run", $"{rssStart:F0} / {rssWarm:F0} / {rssPeak:F0} / {rssAfter:F0} MiB ({growth:+0.0%;-0.0%} against warm-up)"),
            ("exit on SIGTERM", exit?.ToString(CultureInfo.InvariantCulture) ?? "killed after 30 s"),
        };
        Console.WriteLine();
        Console.WriteLine("| fault (s into the run) | what happened |");
        Console.WriteLine("|---|---|");
        foreach (var (at, what, seen) in steps)
        {
            Console.WriteLine($"| {at,5:F1} s {what} | {seen} |");
        }

        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        foreach (var (name, value) in table)
        {
            Console.WriteLine($"| {name} | {value} |");
        }

        Console.WriteLine();
        Console.WriteLine(ok ? "PASS: 0 failed, 0 non-2xx, 0 wrong verdicts, always ready, RSS within 20% of warm-up" : "FAIL: see the table" + (load.FirstProblem is { } first ? "; first problem: " + first : string.Empty));
        Console.WriteLine($"webhook log: {logPath}");
        return ok ? 0 : 1;
    }

    private static string Metric(string metrics, string series) =>
        metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal))?.Split(' ')[^1] ?? "0";

    private static int Series(string metrics) => metrics.Split('\n').Count(l => l.StartsWith("enmasse_admission_requests_total{", StringComparison.Ordinal));

    /// <summary>Samples /readyz every 250 ms on a fresh connection.</summary>
    private sealed class Readiness(WebhookProcess webhook)
    {
        public int Samples { get; private set; }

        public int NotReady { get; private set; }

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                Samples++;
                if (!await webhook.ReadyAsync())
                {
                    NotReady++;
                }

                try
                {
                    await Task.Delay(250, stop);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    /// <summary>A denied Address in team9: allowed exactly while the policy exempts team9.</summary>
    private sealed class Probe(WebhookProcess webhook)
    {
        private int _n;

        public async Task<bool> NowAsync()
        {
            var uid = "probe-" + Interlocked.Increment(ref _n);
            return await Load.VerdictAsync(webhook.Client, Load.Address("team9", "standard-huge-queue", uid), uid) ?? throw new InvalidOperationException("the probe got no review");
        }

        public async Task<string> UntilAsync(bool allowed)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                if (await NowAsync() == allowed)
                {
                    return $"probe {(allowed ? "allowed" : "denied")} after {watch.Elapsed.TotalSeconds:F1} s";
                }

                await Task.Delay(100);
            }

            return "probe timed out: edit NOT loaded";
        }
    }

    /// <summary>Reload outcomes read from /metrics.</summary>
    private sealed class Reloads(WebhookProcess webhook)
    {
        private (int Success, int Failure) _last;

        public async Task<string> SinceAsync()
        {
            var now = await CountsAsync();
            var seen = $" (reloads +{now.Success - _last.Success} ok, +{now.Failure - _last.Failure} rejected)";
            _last = now;
            return seen;
        }

        public Task<string> UntilFailureAsync() => UntilAsync(c => c.Failure > _last.Failure, "rejected");

        public Task<string> UntilSuccessAsync() => UntilAsync(c => c.Success > _last.Success, "loaded");

        private async Task<string> UntilAsync(Func<(int Success, int Failure), bool> done, string word)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                var now = await CountsAsync();
                if (done(now))
                {
                    _last = now;
                    return $"reload {word} after {watch.Elapsed.TotalSeconds:F1} s";
                }

                await Task.Delay(100);
            }

            return $"reload {word}: timed out";
        }

        private async Task<(int Success, int Failure)> CountsAsync()
        {
            var metrics = await webhook.MetricsAsync();
            return (int.Parse(Metric(metrics, "enmasse_policy_reloads_total{result=\"success\"}"), CultureInfo.InvariantCulture), int.Parse(Metric(metrics, "enmasse_policy_reloads_total{result=\"failure\"}"), CultureInfo.InvariantCulture));
        }
    }
}

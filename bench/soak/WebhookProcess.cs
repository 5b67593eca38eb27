using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace EnMasse.Soak;

/// <summary>The Release webhook as a process on 127.0.0.1, its resident memory, and a client that trusts its CA.</summary>
internal sealed class WebhookProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebhookProcess(Process process, Uri address, HttpClient client, X509Certificate2 ca)
    {
        _process = process;
        Address = address;
        Client = client;
        Ca = ca;
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public X509Certificate2 Ca { get; }

    public static async Task<WebhookProcess> StartAsync(string dll, Workspace work, int port, TextWriter log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The GC heap limit the runtime sets itself in the chart's pod (75% of limits.memory: 256Mi); without it the GC has no reason to give memory back.
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_GCHeapHardLimit"] = "0xC000000" },
        };
        foreach (var arg in new[] { dll, "--port", port.ToString(CultureInfo.InvariantCulture), "--address", "127.0.0.1", "--cert-dir", work.Certs, "--dev-cert", "--policies", work.Policies, "--catalog", work.Catalog })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the webhook did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = new Uri($"https://127.0.0.1:{port}");
        for (var i = 0; i < 600 && !File.Exists(Path.Combine(work.Certs, "ca.crt")); i++)
        {
            await Task.Delay(100);
        }

        var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(work.Certs, "ca.crt")));
        var client = Clients.Trusting(ca, address, connections: 64);
        var webhook = new WebhookProcess(process, address, client, ca);
        for (var i = 0; i < 600; i++)
        {
            if (await webhook.ReadyAsync())
            {
                return webhook;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("the webhook did not become ready in 60 s; see its log");
    }

    public async Task<bool> ReadyAsync()
    {
        try
        {
            using var response = await Client.GetAsync("/readyz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Resident memory in MiB, from /proc.</summary>
    public double RssMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public async Task<string> MetricsAsync() => await Client.GetStringAsync("/metrics");

    /// <summary>SIGTERM, as Kubernetes stops a pod; the exit code, or null when it had to be killed.</summary>
    public async Task<int?> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Ca.Dispose();
    }

    private static void Write(TextWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using EnMasse.Benchmarks.Cli;

namespace EnMasse.Benchmarks.Webhook;

/// <summary>A server under load, in a process of its own: started, waited for until ready, measured, stopped.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, HttpClient client)
    {
        _process = process;
        Address = address;
        Client = client;
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Seconds from start until the ready path answered 200.</summary>
    public double ReadySeconds { get; private set; }

    public long ResidentBytes => ProcessRun.ResidentOf(_process.Id);

    /// <summary>A loopback port free a moment ago: a fixed port collides with whatever else listens there, another run included.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ServerProcess> StartAsync(string file, IEnumerable<string> args, int port, string caFile, string readyPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        // The last lines of standard error, for the message if the server dies before it is ready.
        var errors = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Enqueue(line.Length > 300 ? line[..300] : line);
                while (errors.Count > 20 && errors.TryDequeue(out string? _))
                {
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"https://127.0.0.1:{port}");
        var server = new ServerProcess(process, address, Trusting(caFile, address));
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode} before it was ready; its last lines: {string.Join(" | ", errors)}");
            }

            try
            {
                using var response = await server.Client.GetAsync(readyPath);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet; the CA file may also appear only now.
            }

            if (DateTime.UtcNow > deadline)
            {
                server.Dispose();
                throw new TimeoutException($"{Path.GetFileName(file)} was not ready within 120 s");
            }

            await Task.Delay(10);
        }

        server.ReadySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Client.Dispose();
    }

    /// <summary>A client that trusts the servers' CA, read when the first connection is made (the webhook writes it at start).</summary>
    private static HttpClient Trusting(string caFile, Uri address)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
            {
                if (certificate is null || chain is null || !File.Exists(caFile))
                {
                    return false;
                }

                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(File.ReadAllText(caFile)));
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }
}

using System.Security.Cryptography.X509Certificates;
using EnMasse.Certificates;
using EnMasse.Policy.Documents;
using EnMasse.Webhook.Diagnostics;
using EnMasse.Webhook.Serving;

namespace EnMasse.Webhook.Tls;

/// <summary>
/// The serving certificate, read from tls.crt and tls.key and read again when they change.
/// Kestrel asks for it on every handshake, so a new pair applies to new connections without a
/// restart, and open connections keep theirs.
/// </summary>
internal sealed class CertificateStore : IDisposable
{
    private readonly string _directory;
    private readonly WebhookMetrics _metrics;
    private readonly ILogger _logger;
    private DebouncedWatcher? _watcher;
    private X509Certificate2? _current;

    public CertificateStore(string directory, WebhookMetrics metrics, ILogger<CertificateStore> logger)
    {
        _directory = directory;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Raised after each reload attempt; tests wait on it.</summary>
    public event Action<bool>? Reloaded;

    public X509Certificate2? Current => Volatile.Read(ref _current);

    /// <summary>Where tls.crt and tls.key are read from (and written to in self-managed mode).</summary>
    public string Directory => _directory;

    public string CertificatePath => Path.Combine(_directory, CertificateFiles.ServerCertificate);

    public string KeyPath => Path.Combine(_directory, CertificateFiles.ServerKey);

    /// <summary>Writes a development pair (CA, server) when none exists; true when one was made.</summary>
    public bool EnsureDevelopmentPair()
    {
        if (File.Exists(CertificatePath) && File.Exists(KeyPath))
        {
            return false;
        }

        CertificateFiles.Write(_directory, CertificateAuthority.Create("enmasse-admission", "enmasse-infra", TimeSpan.FromDays(365)));
        return true;
    }

    /// <summary>Largest tls.crt or tls.key read: a chain of a few certificates is a few KiB.</summary>
    private const long MaxPemBytes = 1024 * 1024;

    public bool Load()
    {
        try
        {
            // Through the input reader: a FIFO or a device in place of a file must not wedge the watcher's thread.
            var certificate = X509Certificate2.CreateFromPem(Pem(CertificatePath), Pem(KeyPath));
            // The previous certificate is not disposed: a handshake in progress may still use it.
            Volatile.Write(ref _current, certificate);
            _metrics.CertificateExpiry.Set(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds());
            Log.CertificateLoaded(_logger, CertificatePath, certificate.NotAfter.ToUniversalTime());
            Reloaded?.Invoke(true);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // This runs on the watcher's timer thread: whatever goes wrong is a rejected reload, never the end of the process.
            Log.CertificateRejected(_logger, e, _directory);
            Reloaded?.Invoke(false);
            return false;
        }
    }

    private static string Pem(string path)
    {
        var (bytes, _, refusal) = InputReader.ReadBytes(path, MaxPemBytes);
        return bytes is not null ? System.Text.Encoding.UTF8.GetString(bytes)
            : throw new InvalidDataException($"{Path.GetFileName(path)}: {refusal ?? $"larger than {MaxPemBytes} bytes"}");
    }

    public void Watch() => _watcher = new DebouncedWatcher(_directory, recursive: false, () => Load());

    public void Dispose() => _watcher?.Dispose();
}

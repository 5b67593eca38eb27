using System.Text;
using EnMasse.Certificates;

namespace EnMasse.Webhook.Tls;

/// <summary>
/// Runs the rotator at start and then every hour, and writes the current serving pair into the
/// certificate directory, where the certificate store's watcher picks it up without a restart.
/// </summary>
internal sealed partial class SelfManagedCertificates(
    CertificateRotator rotator,
    CertificateStore store,
    TimeProvider clock,
    ILogger<SelfManagedCertificates> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                var (action, secret) = await rotator.RunOnceAsync(stoppingToken);
                Directory.CreateDirectory(store.Directory);
                foreach (var key in new[] { CertificateFiles.CaCertificate, CertificateFiles.ServerKey, CertificateFiles.ServerCertificate })
                {
                    var path = Path.Combine(store.Directory, key);
                    var content = Encoding.UTF8.GetString(secret.Data[key]);
                    if (!File.Exists(path) || await File.ReadAllTextAsync(path, stoppingToken) != content)
                    {
                        await File.WriteAllTextAsync(path, content, stoppingToken);
                    }
                }

                LogPass(logger, action.ToString());
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException or IOException)
            {
                // The current pair keeps serving; the next pass tries again.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(30, LogLevel.Information, "Self-managed certificates checked: {Action}")]
    private static partial void LogPass(ILogger logger, string action);

    [LoggerMessage(31, LogLevel.Error, "Self-managed certificate pass failed; the current pair keeps serving")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

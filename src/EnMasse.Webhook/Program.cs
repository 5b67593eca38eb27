using EnMasse.Certificates;
using EnMasse.Webhook.Hosting;
using Microsoft.Extensions.Options;

if (WebhookSettings.AsksForHelp(args))
{
    Console.Out.Write(WebhookSettings.Help);
    return 0;
}

WebApplication app;
WebhookOptions options;
try
{
    app = WebhookApp.Build(args);
    options = app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;
}
catch (Exception e) when (e is WebhookSettingsException or OptionsValidationException)
{
    Console.Error.WriteLine($"enmasse-webhook: {e.Message}");
    return 2;
}

if (!options.DevCert && options.CertMode == CertMode.Files && !File.Exists(Path.Combine(options.CertDir, CertificateFiles.ServerCertificate)))
{
    Console.Error.WriteLine($"enmasse-webhook: no {CertificateFiles.ServerCertificate} in {options.CertDir}; mount a certificate there, or pass --dev-cert to create a development pair");
    return 2;
}

WebhookApp.Initialize(app);
await app.StartAsync();
foreach (var address in WebhookApp.Addresses(app))
{
    Console.WriteLine($"enmasse-webhook: serving {address} (POST /validate, /mutate; GET /healthz, /readyz, /metrics)");
}

Console.WriteLine($"enmasse-webhook: CA for clients: {Path.GetFullPath(Path.Combine(options.CertDir, CertificateFiles.CaCertificate))}");
await app.WaitForShutdownAsync();
return 0;

using EnMasse.Webhook.Hosting;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables("ENMASSE_WEBHOOK_").Build();
var development = string.Equals(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"), "Development", StringComparison.OrdinalIgnoreCase);
var (options, error) = WebhookOptions.From(args, key => configuration[key.Replace("-", "_", StringComparison.Ordinal)], development);
if (options is null)
{
    Console.Error.WriteLine($"enmasse-webhook: {error}");
    return 2;
}

if (!options.DevCert && options.CertMode == "files" && !File.Exists(Path.Combine(options.CertDir, "tls.crt")))
{
    Console.Error.WriteLine($"enmasse-webhook: no tls.crt in {options.CertDir}; mount a certificate there, or pass --dev-cert to create a development pair");
    return 2;
}

var app = WebhookApp.Build(options);
WebhookApp.Initialise(app);
await app.StartAsync();
foreach (var address in WebhookApp.Addresses(app))
{
    Console.WriteLine($"enmasse-webhook: serving {address} (POST /validate, /mutate; GET /healthz, /readyz, /metrics)");
}

Console.WriteLine($"enmasse-webhook: CA for clients: {Path.GetFullPath(Path.Combine(options.CertDir, "ca.crt"))}");
await app.WaitForShutdownAsync();
return 0;

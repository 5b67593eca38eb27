using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EnMasse.Benchmarks.Webhook;

/// <summary>
/// The webhook's baseline: Kestrel over HTTPS as the webhook sets it up (same certificate,
/// protocols and TLS versions), reading each body to its end and answering a canned review of
/// the size the webhook answers. `POST /validate?case=NAME` answers NAME.json from the
/// responses directory.
/// </summary>
internal static class NoopServer
{
    public static WebApplication Build(string address, int port, string certDir, string responses)
    {
        var canned = Directory.EnumerateFiles(responses, "*.json").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllBytes, StringComparer.Ordinal);
        var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(certDir, "tls.crt"), Path.Combine(certDir, "tls.key"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = EnMasse.Webhook.Hosting.WebhookApp.QuietFramework });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(address), port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https =>
                {
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    https.ServerCertificate = certificate;
                });
            });
        });

        var app = builder.Build();
        RequestDelegate answer = async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            var body = canned[context.Request.Query["case"].ToString()];
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        };
        app.MapPost("/validate", answer);
        app.MapPost("/mutate", answer);
        app.MapGet("/readyz", () => "ready");
        return app;
    }
}

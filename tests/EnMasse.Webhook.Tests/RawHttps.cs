using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace EnMasse.Webhook.Tests;

/// <summary>Sends bytes a well-behaved HTTP client would never send (a broken chunk size), over real TLS, and reads the answer.</summary>
internal static class RawHttps
{
    /// <returns>The status code and the body (the text after the headers).</returns>
    public static async Task<(int Status, string Body)> SendAsync(WebhookServer server, string request)
    {
        using var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(server.CertDir, "ca.crt")));
        using var trusting = WebhookServer.TrustingHandler(ca);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, trusting.SslOptions.RemoteCertificateValidationCallback);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", ApplicationProtocols = [SslApplicationProtocol.Http11] });
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request));
        await tls.FlushAsync();

        using var reader = new StreamReader(tls, Encoding.UTF8);
        var response = new StringBuilder();
        var buffer = new char[4096];
        int read;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((read = await reader.ReadAsync(buffer, timeout.Token)) > 0)
        {
            response.Append(buffer, 0, read);
        }

        var text = response.ToString();
        var status = int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, split < 0 ? string.Empty : text[(split + 4)..]);
    }
}

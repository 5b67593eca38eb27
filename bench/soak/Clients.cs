using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EnMasse.Soak;

/// <summary>HTTP clients that trust exactly the webhook's CA, as the API server does with caBundle.</summary>
internal static class Clients
{
    /// <param name="connections">Kept-alive connections; each lives 5 s so new handshakes see a replaced certificate.</param>
    public static HttpClient Trusting(X509Certificate2 ca, Uri address, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromSeconds(5),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, certificate, _, _) => Chains(ca, certificate) },
        })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The serial number of the certificate a fresh connection is served.</summary>
    public static async Task<string?> ServedSerialAsync(X509Certificate2 ca, Uri address)
    {
        string? serial = null;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    serial = (certificate as X509Certificate2)?.SerialNumber;
                    return Chains(ca, certificate);
                },
            },
        }) { BaseAddress = address };
        await client.GetStringAsync("/healthz");
        return serial;
    }

    private static bool Chains(X509Certificate2 ca, X509Certificate? certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return certificate is X509Certificate2 served && chain.Build(served);
    }
}

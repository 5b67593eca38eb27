using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EnMasse.Certificates;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EnMasse.Webhook.Tls;

/// <summary>Where the self-managed mode keeps its certificates and which configurations trust them.</summary>
internal sealed record SelfManagedOptions(
    string Namespace,
    string SecretName,
    string Service,
    string ValidatingConfiguration,
    string MutatingConfiguration,
    TimeSpan Validity,
    TimeSpan RenewBefore);

/// <summary>What one pass of the rotator did.</summary>
internal enum RotationAction
{
    None,
    Created,
    RenewedServer,
    RotatedCa,
    DroppedOldCa,
}

/// <summary>
/// The self-managed certificate mode: the webhook keeps its CA and serving pair in a Secret,
/// renews the serving certificate before it expires, and replaces the CA before it expires
/// with both CAs in the webhook configurations' caBundle until the old one has expired, so
/// the API server trusts the webhook throughout. Time comes from a TimeProvider so that tests
/// can move it.
/// </summary>
internal sealed class CertificateRotator(IKubernetes client, TimeProvider clock, SelfManagedOptions options)
{
    /// <summary>The Secret's key for every CA still trusted: the current one and, while a CA rotates, the previous one.</summary>
    public const string BundleKey = "ca-bundle.crt";

    private static readonly IReadOnlyList<string> PairKeys = CertificateFiles.All;

    public async Task<(RotationAction Action, V1Secret Secret)> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var secret = await ReadSecretAsync(cancellationToken);
        var action = RotationAction.None;
        Dictionary<string, string> data;
        // The chart creates the Secret empty (so the webhook needs no right to create Secrets);
        // an absent Secret, or one without a full pair, starts the same way.
        var stored = secret?.Data?.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(kv.Value));
        if (stored is null || !PairKeys.All(stored.ContainsKey))
        {
            data = Fresh(now, previousBundle: stored?.GetValueOrDefault(BundleKey));
            action = RotationAction.Created;
        }
        else
        {
            data = stored;
            using var ca = X509Certificate2.CreateFromPem(data[CertificateFiles.CaCertificate]);
            using var server = X509Certificate2.CreateFromPem(data[CertificateFiles.ServerCertificate]);
            if (ca.NotAfter.ToUniversalTime() - now < options.RenewBefore)
            {
                data = Fresh(now, data.GetValueOrDefault(BundleKey, data[CertificateFiles.CaCertificate]));
                action = RotationAction.RotatedCa;
            }
            else if (server.NotAfter.ToUniversalTime() - now < options.RenewBefore)
            {
                var (cert, key) = CertificateAuthority.IssueServer(data[CertificateFiles.CaCertificate], data[CertificateFiles.CaKey], options.Service, options.Namespace, options.Validity, now);
                data[CertificateFiles.ServerCertificate] = cert;
                data[CertificateFiles.ServerKey] = key;
                action = RotationAction.RenewedServer;
            }

            var bundle = WithoutExpired(data.GetValueOrDefault(BundleKey, data[CertificateFiles.CaCertificate]), now);
            if (action == RotationAction.None && bundle != data.GetValueOrDefault(BundleKey))
            {
                action = RotationAction.DroppedOldCa;
            }

            data[BundleKey] = bundle;
        }

        if (action != RotationAction.None)
        {
            secret = await WriteSecretAsync(secret, data, cancellationToken);
        }

        // Always checked, not only after a change: a helm upgrade rewrites the configurations
        // without the caBundle, and the API server must trust the webhook again at once.
        await PublishBundleAsync(data[BundleKey], cancellationToken);

        return (action, secret!);
    }

    /// <summary>A new CA and serving pair; the bundle keeps the previous CAs that are still valid.</summary>
    private Dictionary<string, string> Fresh(DateTimeOffset now, string? previousBundle)
    {
        var pair = CertificateAuthority.Create(options.Service, options.Namespace, options.Validity, now);
        var bundle = previousBundle is null ? pair.CaCertificatePem : WithoutExpired(previousBundle, now) + pair.CaCertificatePem;
        return new Dictionary<string, string>
        {
            [CertificateFiles.CaCertificate] = pair.CaCertificatePem,
            [CertificateFiles.CaKey] = pair.CaKeyPem,
            [CertificateFiles.ServerCertificate] = pair.ServerCertificatePem,
            [CertificateFiles.ServerKey] = pair.ServerKeyPem,
            [BundleKey] = bundle,
        };
    }

    private static string WithoutExpired(string bundle, DateTimeOffset now)
    {
        var kept = new StringBuilder();
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(bundle);
        foreach (var certificate in certificates)
        {
            if (certificate.NotAfter.ToUniversalTime() > now)
            {
                kept.Append(certificate.ExportCertificatePem()).Append('\n');
            }

            certificate.Dispose();
        }

        return kept.ToString();
    }

    private async Task<V1Secret?> ReadSecretAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedSecretAsync(options.SecretName, options.Namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<V1Secret> WriteSecretAsync(V1Secret? existing, Dictionary<string, string> data, CancellationToken cancellationToken)
    {
        var bytes = data.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value));
        if (existing is null)
        {
            var created = new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = options.SecretName, NamespaceProperty = options.Namespace },
                Type = "kubernetes.io/tls",
                Data = bytes,
            };
            return await client.CoreV1.CreateNamespacedSecretAsync(created, options.Namespace, cancellationToken: cancellationToken);
        }

        // Replace carries the resourceVersion we read: a concurrent replica's write makes ours fail and retry next pass.
        existing.Data = bytes;
        return await client.CoreV1.ReplaceNamespacedSecretAsync(existing, options.SecretName, options.Namespace, cancellationToken: cancellationToken);
    }

    private async Task PublishBundleAsync(string bundle, CancellationToken cancellationToken)
    {
        var caBundle = Encoding.UTF8.GetBytes(bundle);
        var validating = await client.AdmissionregistrationV1.ReadValidatingWebhookConfigurationAsync(options.ValidatingConfiguration, cancellationToken: cancellationToken);
        if (validating.Webhooks?.Any(w => w.ClientConfig?.CaBundle is not { } current || !current.SequenceEqual(caBundle)) == true)
        {
            await client.AdmissionregistrationV1.PatchValidatingWebhookConfigurationAsync(Patch(validating.Webhooks.Count, caBundle), options.ValidatingConfiguration, cancellationToken: cancellationToken);
        }

        var mutating = await client.AdmissionregistrationV1.ReadMutatingWebhookConfigurationAsync(options.MutatingConfiguration, cancellationToken: cancellationToken);
        if (mutating.Webhooks?.Any(w => w.ClientConfig?.CaBundle is not { } current || !current.SequenceEqual(caBundle)) == true)
        {
            await client.AdmissionregistrationV1.PatchMutatingWebhookConfigurationAsync(Patch(mutating.Webhooks.Count, caBundle), options.MutatingConfiguration, cancellationToken: cancellationToken);
        }
    }

    private static V1Patch Patch(int webhooks, byte[] caBundle)
    {
        var encoded = Convert.ToBase64String(caBundle);
        var operations = Enumerable.Range(0, webhooks).Select(i => new { op = "add", path = $"/webhooks/{i}/clientConfig/caBundle", value = encoded });
        return new V1Patch(System.Text.Json.JsonSerializer.Serialize(operations), V1Patch.PatchType.JsonPatch);
    }
}

using System.Net;
using System.Text;
using EnMasse.Policy.Policies;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EnMasse.Cli.Cluster;

/// <summary>
/// The policy the webhook enforces, read from its ConfigMap: the chart labels it
/// <see cref="Selector"/> in the release namespace and keys its files as paths with '/' turned
/// into '.' (plans/team/a.yaml is plans.team.a.yaml). Keys are turned back into a policy
/// directory: policy.yaml (or policy.yml) stays, plans.REST becomes plans/REST; any other key is
/// not read by the webhook either and is passed over by name.
/// </summary>
internal static class WebhookPolicy
{
    /// <summary>The chart's release namespace in the README's install commands.</summary>
    public const string DefaultNamespace = "enmasse-admission";

    public const string Selector = "app.kubernetes.io/name=enmasse-admission,app.kubernetes.io/component=policy";

    /// <summary>The ConfigMap's files, how to name it, and the keys that are not policy files.</summary>
    public sealed record Pulled(IReadOnlyList<PolicyFile> Files, string Source, IReadOnlyList<string> Skipped);

    /// <param name="reference">NAMESPACE/NAME or NAME (in <paramref name="defaultNamespace"/>); null finds it by label there.</param>
    public static async Task<Pulled> ReadAsync(IKubernetes client, string? reference, string defaultNamespace, CancellationToken cancel)
    {
        var (ns, name) = reference is null ? (defaultNamespace, null)
            : reference.Contains('/', StringComparison.Ordinal) ? (reference[..reference.IndexOf('/', StringComparison.Ordinal)], reference[(reference.IndexOf('/', StringComparison.Ordinal) + 1)..])
            : (defaultNamespace, reference);
        V1ConfigMap map;
        try
        {
            if (name is not null)
            {
                map = await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancel);
            }
            else
            {
                var found = (await client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: Selector, cancellationToken: cancel)).Items;
                map = found.Count switch
                {
                    1 => found[0],
                    0 => throw new ClusterException($"no ConfigMap labelled {Selector} in namespace {ns}: the webhook's chart is installed elsewhere (--webhook-namespace NS), keeps its policy in a ConfigMap of yours (--policy-configmap NS/NAME), or is not installed"),
                    _ => throw new ClusterException($"{found.Count} ConfigMaps labelled {Selector} in namespace {ns} ({string.Join(", ", found.Select(m => m.Metadata.Name))}): name one with --policy-configmap {ns}/NAME"),
                };
            }
        }
        catch (HttpOperationException e)
        {
            var what = name is null ? $"the ConfigMaps of namespace {ns}" : $"ConfigMap {ns}/{name}";
            throw new ClusterException(e.Response.StatusCode switch
            {
                HttpStatusCode.NotFound => $"{what}: not found",
                HttpStatusCode.Forbidden => $"{what}: forbidden (403): reading the webhook's policy needs get (or list) on ConfigMaps in {ns}",
                _ => $"{what}: HTTP {(int)e.Response.StatusCode}",
            });
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            throw new ClusterException($"cannot reach the API server: {ClusterConnection.Bounded(e.Message)}");
        }

        var source = $"configmap/{map.Metadata.NamespaceProperty}/{map.Metadata.Name}";
        var files = new List<PolicyFile>();
        var skipped = new List<string>();
        foreach (var (key, value) in (map.Data ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (PathOf(key) is { } path)
            {
                files.Add(new PolicyFile(path, $"{source}/{path}", Encoding.UTF8.GetBytes(value)));
            }
            else
            {
                skipped.Add(key);
            }
        }

        return new Pulled(files, source, skipped);
    }

    /// <summary>The path in the policy directory a ConfigMap key stands for, or null for a key the webhook does not read.</summary>
    public static string? PathOf(string key) =>
        key is "policy.yaml" or "policy.yml" ? key
        : key.StartsWith("plans.", StringComparison.Ordinal) && key.Length > "plans.".Length ? "plans/" + key["plans.".Length..]
        : null;
}

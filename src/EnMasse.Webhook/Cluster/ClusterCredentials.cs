namespace EnMasse.Webhook.Cluster;

/// <summary>
/// Whether the process has a way to reach the API server: the pod's service account, or a
/// kubeconfig. Without one, KubernetesClient falls back to http://localhost:8080 and the watch
/// retries forever with a stack trace each time; the webhook says so once at start instead.
/// </summary>
internal static class ClusterCredentials
{
    /// <summary>Null when credentials exist; else the one line to print.</summary>
    public static string? Missing(string why, Func<string, string?> environment)
    {
        if (k8s.KubernetesClientConfiguration.IsInCluster())
        {
            return null;
        }

        var named = environment("KUBECONFIG");
        var home = environment("HOME") ?? environment("USERPROFILE");
        var candidates = !string.IsNullOrEmpty(named)
            ? named.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : home is null ? [] : [Path.Combine(home, ".kube", "config")];
        if (candidates.Any(File.Exists))
        {
            return null;
        }

        var looked = candidates.Length == 0 ? "no KUBECONFIG and no home directory" : string.Join(", ", candidates);
        return $"{why} needs the API server, and there is no way to reach it: not in a pod with a service account (KUBERNETES_SERVICE_HOST unset) and no kubeconfig ({looked}); set KUBECONFIG, or use --catalog-source files with --catalog";
    }
}

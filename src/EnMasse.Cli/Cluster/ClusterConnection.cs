using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace EnMasse.Cli.Cluster;

/// <summary>
/// The API client, as kubectl finds its cluster: --kubeconfig, else the files of KUBECONFIG, else
/// ~/.kube/config, else the pod's service account; --context picks a context of the kubeconfig.
/// </summary>
internal static class ClusterConnection
{
    public static (IKubernetes Client, string Description) Connect(string? kubeconfig, string? context, Func<string, string?> environment, string workingDirectory)
    {
        var files = Candidates(kubeconfig, environment, workingDirectory);
        if (kubeconfig is not null && !File.Exists(files[0]))
        {
            throw new ClusterException($"--kubeconfig {Bounded(kubeconfig)}: no such file");
        }

        var existing = files.Where(File.Exists).ToList();
        KubernetesClientConfiguration configuration;
        string description;
        if (existing.Count == 0)
        {
            if (context is not null || !KubernetesClientConfiguration.IsInCluster())
            {
                var looked = files.Count == 0 ? "no KUBECONFIG and no home directory" : string.Join(", ", files);
                throw new ClusterException($"no kubeconfig ({looked}) and not in a pod with a service account: give --kubeconfig FILE or set KUBECONFIG");
            }

            configuration = KubernetesClientConfiguration.InClusterConfig();
            description = $"the pod's service account ({configuration.Host})";
        }
        else
        {
            try
            {
                configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(Merge(existing), context);
            }
            catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException or ArgumentException or NullReferenceException)
            {
                // The client's messages name contexts and files, never credentials.
                throw new ClusterException($"kubeconfig {string.Join(", ", existing)}: {Bounded(e.Message)}");
            }

            description = $"context {configuration.CurrentContext} ({configuration.Host})";
        }

        return (new Kubernetes(configuration), description);
    }

    /// <summary>Several KUBECONFIG files merged as kubectl merges them: the first file to name a context, cluster or user, or to set current-context, wins.</summary>
    private static K8SConfiguration Merge(IReadOnlyList<string> files)
    {
        var merged = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(files[0]));
        foreach (var file in files.Skip(1))
        {
            var next = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file));
            merged.CurrentContext ??= next.CurrentContext;
            merged.Contexts = [.. merged.Contexts ?? [], .. (next.Contexts ?? []).Where(c => merged.Contexts?.Any(m => m.Name == c.Name) != true)];
            merged.Clusters = [.. merged.Clusters ?? [], .. (next.Clusters ?? []).Where(c => merged.Clusters?.Any(m => m.Name == c.Name) != true)];
            merged.Users = [.. merged.Users ?? [], .. (next.Users ?? []).Where(u => merged.Users?.Any(m => m.Name == u.Name) != true)];
        }

        return merged;
    }

    private static List<string> Candidates(string? kubeconfig, Func<string, string?> environment, string workingDirectory)
    {
        if (kubeconfig is not null)
        {
            return [Path.GetFullPath(kubeconfig, workingDirectory)];
        }

        if (environment("KUBECONFIG") is { Length: > 0 } named)
        {
            return [.. named.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(p => Path.GetFullPath(p, workingDirectory))];
        }

        var home = environment("HOME") ?? environment("USERPROFILE");
        return home is null ? [] : [Path.Combine(home, ".kube", "config")];
    }

    public static string Bounded(string value) => value.Length > 200 ? value[..200] + "..." : value;
}

using EnMasse.Policy.Model;

namespace EnMasse.Cli.Cluster;

/// <summary>How the tenant kinds are served: by EnMasse's aggregated API server (0.27-0.30), by CRDs (0.31+), or unknown (the APIService could not be read).</summary>
internal enum TenantApi
{
    Unknown,
    Aggregated,
    Crd,
}

/// <summary>A resource the audit could not read, and why, as the API server said it (bounded).</summary>
internal sealed record Unreadable(ApiResource Resource, string? Namespace, int Status, string Reason)
{
    public string Where => Namespace is null ? "all namespaces" : $"namespace {Namespace}";

    public string Line => $"{Resource} in {Where}: {Reason}";
}

/// <summary>What was read: the objects, what could not be read, how many lists restarted after their continue token expired, and which API serves the tenant kinds.</summary>
internal sealed record ClusterRead(IReadOnlyList<Resource> Objects, IReadOnlyList<Unreadable> Unreadable, IReadOnlyDictionary<string, int> Restarts, TenantApi TenantApi);

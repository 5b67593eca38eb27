namespace EnMasse.Webhook.Serving;

/// <summary>Where the served policy comes from: the policy directory, the --catalog paths (objects that exist) and whether the cluster is watched.</summary>
/// <param name="KeepObjects">Keep the cluster's objects whole, not only what the rules read: the background audit judges them.</param>
internal sealed record PolicySources(string Policies, IReadOnlyList<string> Catalog, bool Cluster = false, bool KeepObjects = false)
{
    public const string ClusterOrigin = "the cluster, as the webhook last saw it";

    public const string FilesOrigin = "the webhook's --catalog files";

    /// <summary>How a count of the served catalogue names where its objects come from.</summary>
    public string Origin => Cluster ? ClusterOrigin : FilesOrigin;
}

namespace EnMasse.Policy.Documents;

/// <summary>
/// Bounds on what a reader accepts. A document past a bound is rejected with a finding rather
/// than parsed: an alias bomb or a 10,000-deep nesting must cost us nothing. How many
/// documents a file holds is bounded by its size: the count limit is far above what a file
/// within the size limit holds in real objects, and stops only padding (`---` lines).
/// </summary>
public sealed record DocumentLimits
{
    public static readonly DocumentLimits Default = new();

    /// <summary>
    /// For --catalog files: what exists in a cluster, often one `kubectl get -o yaml` dump of
    /// everything. 100,000 Addresses are about 45 MiB of YAML and some three million nodes in
    /// one List document. The readers stay linear; only the bounds are wider.
    /// </summary>
    public static readonly DocumentLimits Catalog = new() { MaxFileBytes = 256L * 1024 * 1024, MaxNodesPerDocument = 32_000_000 };

    /// <summary>Largest file read. Kubernetes stores objects of at most ~1.5 MB; a GitOps file holding a large List stays well under this.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists. Real EnMasse objects stay under 15.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>Most nodes one document may expand to, aliases counted at their expanded size.</summary>
    public int MaxNodesPerDocument { get; init; } = 1_000_000;

    /// <summary>Most documents in one file: 50,000 objects of a GitOps file fit with room to spare.</summary>
    public int MaxDocuments { get; init; } = 1_000_000;
}

namespace EnMasse.Policy.Documents;

/// <summary>
/// Bounds on what a reader accepts. A document past a bound is rejected with a finding rather
/// than parsed: an alias bomb or a 10,000-deep nesting must cost us nothing.
/// </summary>
public sealed record DocumentLimits
{
    public static readonly DocumentLimits Default = new();

    /// <summary>Largest file read. Kubernetes stores objects of at most ~1.5 MB; a GitOps file holding a large List stays well under this.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists. Real EnMasse objects stay under 15.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>Most nodes one document may expand to, aliases counted at their expanded size.</summary>
    public int MaxNodesPerDocument { get; init; } = 1_000_000;

    /// <summary>Most documents in one file.</summary>
    public int MaxDocuments { get; init; } = 20_000;
}

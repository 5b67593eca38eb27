namespace EnMasse.Policy.Documents;

/// <summary>What <see cref="InputReader"/> read: the files, or the message that says why the paths cannot be read (and the files read before it).</summary>
public sealed record InputReadResult(IReadOnlyList<ReadResult> Files, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Files read but passed over, as the caller's <see cref="InputSelection.Skip"/> decided.</summary>
    public IReadOnlyList<SkippedInput> Skipped { get; init; } = [];
}

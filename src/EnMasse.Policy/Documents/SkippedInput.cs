namespace EnMasse.Policy.Documents;

/// <summary>A file that was read but not parsed, as <see cref="InputSelection.Skip"/> decided, and why.</summary>
public sealed record SkippedInput(string File, string FullPath, string Reason);

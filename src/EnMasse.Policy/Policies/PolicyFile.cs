namespace EnMasse.Policy.Policies;

/// <summary>A file of a policy directory: its path inside the directory (forward slashes), the path to show, and its bytes.</summary>
public sealed record PolicyFile(string RelativePath, string DisplayPath, byte[] Bytes);

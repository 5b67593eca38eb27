using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Defaults;

/// <summary>One RFC 6902 operation of the mutating side, and the default that produced it.</summary>
public sealed record PatchOperation(string Op, string Path, Node Value, string DefaultId);

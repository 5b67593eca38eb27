namespace EnMasse.Policy.Vocabulary;

/// <summary>A finding as a rule reports it, before the engine stamps the resource and the policy's weight on it.</summary>
public sealed record RawFinding(string Rule, string Path, Position Position, string Message, Severity? Severity = null);

using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>
/// What an audit report says beyond its findings: what was read (a cluster context or snapshot
/// files), how many namespaces, what could not be read, and the policy and enforcement point the
/// objects were judged by (a PolicyReport names them).
/// </summary>
internal sealed record AuditScope(string Source, int Namespaces, IReadOnlyList<string> Unreadable, string PolicyName, EnforcementPoint Point);

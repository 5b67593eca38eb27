using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Findings;

/// <summary>
/// What a rule found, as every door reports it. <see cref="Line"/> and <see cref="Column"/> are
/// 1-based, or 0 when the object came without text (an AdmissionReview).
/// </summary>
public sealed record Finding(
    string Rule,
    Severity Severity,
    string Message,
    string? File,
    int Line,
    int Column,
    string? Kind,
    string? Namespace,
    string? Name,
    string Path,
    bool Exempted = false)
{
    public bool Denies => Severity == Severity.Error && !Exempted;

    /// <summary>Findings sort by file, line, column, rule; the rest only breaks ties so the order never depends on rule order.</summary>
    public static readonly IComparer<Finding> Order = Comparer<Finding>.Create(static (a, b) =>
    {
        var c = string.CompareOrdinal(a.File ?? string.Empty, b.File ?? string.Empty);
        if (c != 0) return c;
        c = a.Line.CompareTo(b.Line);
        if (c != 0) return c;
        c = a.Column.CompareTo(b.Column);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Rule, b.Rule);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Path, b.Path);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    });
}

/// <summary>A finding as a rule reports it, before the engine stamps the resource and the policy's weight on it.</summary>
public sealed record RawFinding(string Rule, string Path, Position Position, string Message, Severity? Severity = null);

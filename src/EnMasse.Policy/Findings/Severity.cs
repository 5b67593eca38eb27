namespace EnMasse.Policy.Findings;

/// <summary>How much a finding weighs: an error denies, a warning informs.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>Where a rule is enforced; the policy may give a rule a different weight at each.</summary>
public enum EnforcementPoint
{
    Admission,
    Ci,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity == Severity.Error ? "error" : "warning";

    public static string ToName(this EnforcementPoint point) => point == EnforcementPoint.Admission ? "admission" : "ci";
}

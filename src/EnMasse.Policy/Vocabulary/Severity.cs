namespace EnMasse.Policy.Vocabulary;

/// <summary>How much a finding weighs: an error denies, a warning informs.</summary>
public enum Severity
{
    Warning,
    Error,
}

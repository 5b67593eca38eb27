namespace EnMasse.Policy.Vocabulary;

/// <summary>Where a rule is enforced; the policy may give a rule a different weight at each.</summary>
public enum EnforcementPoint
{
    Admission,
    Ci,
}

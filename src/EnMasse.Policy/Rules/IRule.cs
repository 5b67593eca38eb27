using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules;

/// <summary>A rule of rules.md: its id, default weight, whether the policy may change it, and what it means.</summary>
public interface IRule
{
    string Id { get; }

    /// <summary>The weight in CI, and at admission unless <see cref="AdmissionSeverity"/> says otherwise; the policy may change both.</summary>
    Severity DefaultSeverity { get; }

    /// <summary>
    /// The weight at admission when the policy sets none. A check that needs another object,
    /// one that may arrive later in the same apply (kubectl applies files in name order, Argo CD
    /// and Flux in their own, and EnMasse 0.31+ accepts the object and waits), is a warning at
    /// admission and stays an error in CI, which sees the whole change.
    /// </summary>
    Severity AdmissionSeverity { get; }

    /// <summary>A fixed rule cannot be switched off or weighed differently by the policy.</summary>
    bool Fixed { get; }

    /// <summary>One line, used for help texts, SARIF rule descriptors and docs.</summary>
    string Summary { get; }

    /// <summary>
    /// True for a rule about the change itself (an immutable field, a plan change): it reports
    /// only on an UPDATE, never on a CREATE, so ratcheting can never waive its findings.
    /// </summary>
    bool JudgesChangeOnly => false;
}

/// <summary>A rule that judges tenant objects: most one kind, a quota all three.</summary>
public interface ITenantRule : IRule
{
    IReadOnlyList<ResourceKind> Kinds { get; }

    void Check(RuleContext context);
}

/// <summary>Base of the tenant rules: the typed subject handed to <see cref="Check(T, RuleContext)"/>.</summary>
public abstract class TenantRule<T> : ITenantRule
    where T : TenantObject
{
    public abstract string Id { get; }

    public virtual Severity DefaultSeverity => Severity.Error;

    public virtual Severity AdmissionSeverity => DefaultSeverity;

    public virtual bool Fixed => false;

    public abstract string Summary { get; }

    public virtual bool JudgesChangeOnly => false;

    public abstract ResourceKind Kind { get; }

    IReadOnlyList<ResourceKind> ITenantRule.Kinds => [Kind];

    public void Check(RuleContext context)
    {
        if (context.Subject is T subject)
        {
            Check(subject, context);
        }
    }

    protected abstract void Check(T subject, RuleContext context);
}

/// <summary>A rule the readers and the schema walker report; listed so that every id lives in one registry.</summary>
public abstract class InputRule : IRule
{
    public abstract string Id { get; }

    public virtual Severity DefaultSeverity => Severity.Error;

    public Severity AdmissionSeverity => DefaultSeverity;

    public abstract bool Fixed { get; }

    public abstract string Summary { get; }
}

/// <summary>The default weight of a rule at one enforcement point.</summary>
public static class RuleDefaults
{
    public static Severity DefaultAt(this IRule rule, EnforcementPoint point) =>
        point == EnforcementPoint.Admission ? rule.AdmissionSeverity : rule.DefaultSeverity;
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules;

/// <summary>A rule of rules.md: its id, default weight, whether the policy may change it, and what it means.</summary>
public interface IRule
{
    string Id { get; }

    Severity DefaultSeverity { get; }

    /// <summary>A fixed rule cannot be switched off or weighed differently by the policy.</summary>
    bool Fixed { get; }

    /// <summary>One line, used for help texts, SARIF rule descriptors and docs.</summary>
    string Summary { get; }
}

/// <summary>A rule that judges one kind of tenant object.</summary>
public interface ITenantRule : IRule
{
    ResourceKind Kind { get; }

    void Check(RuleContext context);
}

/// <summary>Base of the tenant rules: the typed subject handed to <see cref="Check(T, RuleContext)"/>.</summary>
public abstract class TenantRule<T> : ITenantRule
    where T : TenantObject
{
    public abstract string Id { get; }

    public virtual Severity DefaultSeverity => Severity.Error;

    public virtual bool Fixed => false;

    public abstract string Summary { get; }

    public abstract ResourceKind Kind { get; }

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

    public Severity DefaultSeverity => Severity.Error;

    public abstract bool Fixed { get; }

    public abstract string Summary { get; }
}

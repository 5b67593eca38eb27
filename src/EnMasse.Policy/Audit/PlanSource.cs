namespace EnMasse.Policy.Audit;

/// <summary>Which published objects (plans, infra configs, authentication services) an audit judges against.</summary>
public enum PlanSource
{
    /// <summary>The cluster's (or snapshot's) objects laid over the policy's plans: one of the same kind and name wins, as in the webhook's cluster catalogue.</summary>
    Cluster,

    /// <summary>The policy's plans alone: what the cluster will publish once the policy directory is deployed.</summary>
    Policy,
}

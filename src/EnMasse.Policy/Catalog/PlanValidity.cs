namespace EnMasse.Policy.Catalog;

/// <summary>
/// What makes EnMasse treat a published AddressSpacePlan as unknown (KubeSchemaApi): its infra
/// config of the space type's kind must exist, every address plan it lists must exist, and its
/// resourceLimits must hold broker (brokered) or broker, router and aggregate (standard). Such a
/// plan gets status Failed and is left out of EnMasse's schema, so spaces and addresses that name
/// it end as "Unknown address space plan" or "Unknown address plan".
/// </summary>
internal static class PlanValidity
{
    private static readonly string[] StandardLimits = [SpaceUsage.BrokerResource, SpaceUsage.RouterResource, SpaceUsage.AggregateResource];
    private static readonly string[] BrokeredLimits = [SpaceUsage.BrokerResource];

    public static string? Problem(
        AddressSpacePlanEntry plan,
        IReadOnlyDictionary<string, AddressPlanEntry> addressPlans,
        IReadOnlySet<string> standardInfraConfigs,
        IReadOnlySet<string> brokeredInfraConfigs)
    {
        var (infraConfigs, infraKind, limits) = plan.AddressSpaceType switch
        {
            "standard" => (standardInfraConfigs, "StandardInfraConfig", StandardLimits),
            "brokered" => (brokeredInfraConfigs, "BrokeredInfraConfig", BrokeredLimits),
            _ => (null, null, null),
        };
        if (infraConfigs is null)
        {
            return $"its addressSpaceType \"{plan.AddressSpaceType}\" is neither standard nor brokered";
        }

        if (plan.InfraConfigRef is not { } infra)
        {
            return "it names no infra config (spec.infraConfigRef)";
        }

        if (!infraConfigs.Contains(infra))
        {
            return $"its infra config {infraKind} \"{infra}\" does not exist";
        }

        if (plan.AddressPlans.FirstOrDefault(p => !addressPlans.ContainsKey(p)) is { } missing)
        {
            return $"it lists address plan \"{missing}\", which does not exist";
        }

        var lacking = limits!.Where(l => !plan.ResourceLimits.ContainsKey(l)).ToList();
        return lacking.Count > 0 ? $"its resourceLimits lack {string.Join(", ", lacking)}" : null;
    }
}

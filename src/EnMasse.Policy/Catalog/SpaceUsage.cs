using System.Collections.Immutable;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// What the addresses of one address space take from its plan, kept per space in the catalogue
/// snapshot so a request costs the same whatever the catalogue's size. Two counts, after
/// EnMasse's own:
/// <list type="bullet">
/// <item>provisioned: a lower bound of the standard controller's accounting (AddressProvisioner):
/// router credits share one pool, so at least ceil(Σ router) routers; a broker credit of 1 or
/// more gets brokers of its own, ceil(credit) of them; smaller credits share brokers that each
/// hold less than 1, so at least ceil(Σ) of those. Subscriptions, which ride on their topic's
/// broker, and addresses whose status says they were never provisioned are left out, so the
/// count never exceeds EnMasse's.</item>
/// <item>requested: what CreateController sums over every address of the space when the plan
/// changes: each resource's credits as written, and all of them as aggregate.</item>
/// </list>
/// Credits are summed as decimals, so 0.1 + 0.2 is 0.3 and a ceiling never rounds a sum up by accident.
/// </summary>
public sealed record SpaceUsage(decimal Router, decimal PooledBroker, decimal ShardedBroker, ImmutableDictionary<string, decimal> Requested)
{
    public const string RouterResource = "router";
    public const string BrokerResource = "broker";
    public const string AggregateResource = "aggregate";

    public static SpaceUsage Empty { get; } = new(0, 0, 0, ImmutableDictionary.Create<string, decimal>(StringComparer.Ordinal));

    /// <summary>The routers the standard controller needs at least.</summary>
    public int RoutersNeeded => (int)Math.Ceiling(Router);

    /// <summary>The brokers the standard controller needs at least.</summary>
    public int BrokersNeeded => (int)ShardedBroker + (int)Math.Ceiling(PooledBroker);

    public int AggregateNeeded => RoutersNeeded + BrokersNeeded;

    /// <summary>This usage with one address more (<paramref name="sign"/> 1) or less (-1).</summary>
    public SpaceUsage With(AddressPlanEntry? plan, string? addressType, bool provisioned, int sign)
    {
        if (plan is null || plan.Resources.Count == 0)
        {
            return this;
        }

        // Kept per space and changed per address: an immutable map, not a frozen one, which costs far more to make.
        var requested = Requested.ToBuilder();
        foreach (var (resource, credit) in plan.Resources)
        {
            var amount = sign * (decimal)credit;
            requested[resource] = requested.GetValueOrDefault(resource) + amount;
            requested[AggregateResource] = requested.GetValueOrDefault(AggregateResource) + amount;
        }

        var router = Router;
        var pooled = PooledBroker;
        var sharded = ShardedBroker;
        if (provisioned)
        {
            router += sign * (decimal)plan.Resources.GetValueOrDefault(RouterResource);
            if (addressType != "subscription" && plan.Resources.TryGetValue(BrokerResource, out var broker) && broker > 0)
            {
                // A partitioned queue spreads its credit over several brokers; counting it as pooled stays below EnMasse's count.
                if (broker < 1 || plan.Partitions > 1)
                {
                    pooled += sign * (decimal)broker;
                }
                else
                {
                    sharded += sign * Math.Ceiling((decimal)broker);
                }
            }
        }

        return new SpaceUsage(router, pooled, sharded, requested.ToImmutable());
    }
}

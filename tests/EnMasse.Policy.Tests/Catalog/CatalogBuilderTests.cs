using System.Collections.Frozen;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Tests.Catalog;

/// <summary>The catalogue's changes and indexes: what a watch event does, and what rules look up.</summary>
public sealed class CatalogBuilderTests
{
    private static AddressEntry Address(string name, string address, string type = "queue", string ns = "team1") =>
        new(ns, name, name[..name.IndexOf('.', StringComparison.Ordinal)], address, type) { Plan = "standard-small-queue" };

    private static CatalogSnapshot Team1() => new CatalogBuilder()
        .Set(new AddressSpaceEntry("team1", "s1", "standard", "standard-small"))
        .Set(new AddressSpaceEntry("team1", "s2", "standard", "standard-small"))
        .Set(new AddressSpaceEntry("team2", "s1", "standard", "standard-small"))
        .Set(Address("s1.a", "orders-in"))
        .Set(Address("s1.b", "orders-out"))
        .Set(Address("s1.t", "events", "topic"))
        .Set(Address("s2.a", "orders-in"))
        .Set(new UserEntry("team1", "s1.u1", "s1", "app"))
        .Build();

    [Fact]
    public void Lookups_by_address_prefix_topic_and_username_stay_within_one_space()
    {
        var catalog = Team1();
        Assert.Equal(["s1.a"], catalog.AddressesWith("team1", "s1", "orders-in").Select(a => a.Name));
        Assert.Equal(["s2.a"], catalog.AddressesWith("team1", "s2", "orders-in").Select(a => a.Name));
        Assert.Empty(catalog.AddressesWith("team2", "s1", "orders-in"));
        Assert.True(catalog.AddressValues("team1", "s1", "orders-").Any());
        Assert.True(catalog.AddressValues("team1", "s1", "orders-out").Any());
        Assert.False(catalog.AddressValues("team1", "s1", "orders-x").Any());
        Assert.False(catalog.AddressValues("team1", "s2", "events").Any());
        Assert.True(catalog.AddressValues("team1", "s1", string.Empty).Any());
        Assert.Equal(["events"], catalog.Topics("team1", "s1"));
        Assert.Equal(["s1.u1"], catalog.UsersWith("team1", "s1", "app").Select(u => u.Name));
        Assert.Equal(3, catalog.AddressCount("team1", "s1"));
        Assert.Equal(1, catalog.UserCount("team1", "s1"));
        Assert.Equal(2, catalog.AddressSpaceCount("team1"));
        Assert.Equal(4, catalog.Counts["Address"]);
        Assert.Equal(1, catalog.Counts["MessagingUser"]);
    }

    [Fact]
    public void A_replaced_address_leaves_no_trace_of_its_old_values_in_the_indexes()
    {
        var catalog = new CatalogBuilder(Team1()).Set(Address("s1.t", "alerts", "queue")).Build();
        Assert.Empty(catalog.AddressesWith("team1", "s1", "events"));
        Assert.Empty(catalog.Topics("team1", "s1"));
        Assert.Equal("queue", Assert.Single(catalog.AddressesWith("team1", "s1", "alerts")).Type);
        Assert.Equal(3, catalog.AddressCount("team1", "s1"));
        Assert.Equal(4, catalog.Counts["Address"]);
    }

    [Fact]
    public void A_change_makes_a_new_snapshot_and_leaves_the_old_one_as_it_was()
    {
        var before = Team1();
        var after = new CatalogBuilder(before)
            .Remove(new ObjectKey(ResourceKind.Address, "team1", "s1.a"))
            .Remove(new ObjectKey(ResourceKind.AddressSpace, "team1", "s2"))
            .Remove(new ObjectKey(ResourceKind.MessagingUser, "team1", "s1.u1"))
            .Remove(new ObjectKey(ResourceKind.Address, "team1", "nothing.here"))
            .Build();

        Assert.Empty(after.AddressesWith("team1", "s1", "orders-in"));
        Assert.Null(after.AddressSpace("team1", "s2"));
        Assert.Equal(1, after.AddressSpaceCount("team1"));
        Assert.Equal(0, after.UserCount("team1", "s1"));
        Assert.Equal(3, after.Counts["Address"]);

        Assert.Single(before.AddressesWith("team1", "s1", "orders-in"));
        Assert.NotNull(before.AddressSpace("team1", "s2"));
        Assert.Equal(4, before.Counts["Address"]);
    }

    [Fact]
    public void Entries_are_found_by_the_key_a_watch_event_carries()
    {
        var catalog = new CatalogBuilder(Team1())
            .Set(new AddressPlanEntry("small", "queue", 1))
            .Set(new InfraConfigEntry(ResourceKind.StandardInfraConfig, "default"))
            .Set(new InfraConfigEntry(ResourceKind.BrokeredInfraConfig, "default"))
            .Build();
        Assert.Equal("orders-in", Assert.IsType<AddressEntry>(catalog.Entry(new ObjectKey(ResourceKind.Address, "team1", "s1.a"))).Address);
        Assert.IsType<AddressSpaceEntry>(catalog.Entry(new ObjectKey(ResourceKind.AddressSpace, "team2", "s1")));
        Assert.IsType<AddressPlanEntry>(catalog.Entry(new ObjectKey(ResourceKind.AddressPlan, string.Empty, "small")));
        Assert.Equal(2, catalog.Counts["InfraConfig"]);

        var without = new CatalogBuilder(catalog).Remove(new ObjectKey(ResourceKind.BrokeredInfraConfig, string.Empty, "default")).Build();
        Assert.True(without.HasInfraConfig("default"));
        Assert.Null(without.Entry(new ObjectKey(ResourceKind.BrokeredInfraConfig, string.Empty, "default")));
    }

    [Fact]
    public void A_space_s_usage_is_a_running_sum_and_is_recounted_when_an_address_plan_changes()
    {
        var plan = new AddressPlanEntry("p", "queue", 1) { Resources = new Dictionary<string, double> { ["router"] = 0.2, ["broker"] = 0.5 }.ToFrozenDictionary() };
        var two = new CatalogBuilder().Set(plan).Set(Address("s1.a", "a") with { Plan = "p" }).Set(Address("s1.b", "b") with { Plan = "p" }).Build();
        Assert.Equal(0.4m, two.UsageOf("team1", "s1").Router);
        Assert.Equal(1.0m, two.UsageOf("team1", "s1").PooledBroker);

        var one = new CatalogBuilder(two).Remove(new ObjectKey(ResourceKind.Address, "team1", "s1.a")).Build();
        Assert.Equal(0.2m, one.UsageOf("team1", "s1").Router);
        Assert.Equal(0.5m, one.UsageOf("team1", "s1").PooledBroker);

        var replanned = new CatalogBuilder(one).Set(plan with { Resources = new Dictionary<string, double> { ["router"] = 0.7 }.ToFrozenDictionary() }).Build();
        Assert.Equal(0.7m, replanned.UsageOf("team1", "s1").Router);
        Assert.Equal(0m, replanned.UsageOf("team1", "s1").PooledBroker);
        Assert.Equal(0.2m, one.UsageOf("team1", "s1").Router);
    }

    [Fact]
    public void Spaces_are_found_by_their_realm_across_namespaces()
    {
        var catalog = new CatalogBuilder(Team1()).Set(new AddressSpaceEntry("team3", "x", "standard", "standard-small") { Realm = "shared" })
            .Set(new AddressSpaceEntry("team4", "y", "standard", "standard-small") { Realm = "shared" }).Build();
        Assert.Equal(["team3", "team4"], catalog.SpacesWithRealm("shared").Select(s => s.Namespace).Order(StringComparer.Ordinal));
        var moved = new CatalogBuilder(catalog).Set(new AddressSpaceEntry("team3", "x", "standard", "standard-small") { Realm = "own" }).Build();
        Assert.Equal("team4", Assert.Single(moved.SpacesWithRealm("shared")).Namespace);
        Assert.Equal(1, moved.AddressSpaceCount("team3"));
    }

    [Fact]
    public void A_space_of_many_addresses_answers_every_lookup_the_same()
    {
        var builder = new CatalogBuilder().Set(new AddressSpaceEntry("team1", "big", "standard", "standard-small"));
        for (var i = 0; i < 20_000; i++)
        {
            builder.Set(Address($"big.q{i:D5}", $"q{i:D5}", i % 100 == 0 ? "topic" : "queue"));
        }

        var catalog = builder.Build();
        Assert.Equal("big.q12345", Assert.Single(catalog.AddressesWith("team1", "big", "q12345")).Name);
        Assert.True(catalog.AddressValues("team1", "big", "q199").Any());
        Assert.False(catalog.AddressValues("team1", "big", "q2").Any());
        Assert.Equal(200, catalog.Topics("team1", "big").Count());
        Assert.Equal("q00000", catalog.Topics("team1", "big").First());
    }
}

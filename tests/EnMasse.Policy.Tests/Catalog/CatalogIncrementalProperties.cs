using System.Collections.Frozen;
using CsCheck;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Model;
using EnMasse.Policy.Rules.Users;

namespace EnMasse.Policy.Tests.Catalog;

/// <summary>
/// The incremental catalogue against a full build: random batches of changes over a small
/// universe, each applied on the previous snapshot, must answer every query exactly as a
/// catalogue built from scratch out of the objects then alive. The universe is small on
/// purpose, so that batches hit the same keys, plans and values again and again (a plan deleted
/// and added back, a space that loses its last address, a key removed that was never added).
/// </summary>
public sealed class CatalogIncrementalProperties
{
    private const string Origin = "the property's objects";

    private static readonly string[] Namespaces = ["ns1", "ns2"];
    private static readonly string[] Spaces = ["s1", "s2", "s3"];
    private static readonly string[] Locals = ["a", "b", "c", "d", "e", "f"];
    private static readonly string[] UserLocals = ["u1", "u2", "u3"];
    private static readonly string[] Values = ["orders", "orders/in", "orders-out", "o", "events", "events/eu"];
    private static readonly string[] Usernames = ["alice", "bob", "Alice"];
    private static readonly string[] Realms = ["r1", "r2"];
    private static readonly string?[] Types = ["queue", "topic", "subscription", "anycast", null];
    private static readonly string?[] PlanNames = ["p1", "p2", "p3", "gone", null];
    private static readonly string[] SpaceTypes = ["standard", "brokered", "other"];
    private static readonly string[] InfraNames = ["default", "other", "none"];

    private static FrozenDictionary<string, double> Figures(params (string Key, double Value)[] figures) =>
        figures.ToFrozenDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>Two versions of each address plan, with router, broker and partition figures.</summary>
    private static readonly AddressPlanEntry[][] AddressPlanVersions =
    [
        [
            new("p1", "queue", 1) { Resources = Figures(("router", 0.2), ("broker", 0.5)) },
            new("p1", "queue", 1) { Resources = Figures(("router", 0.7)) },
        ],
        [
            new("p2", "topic", 2) { Resources = Figures(("router", 0.1), ("broker", 1.0)) },
            new("p2", "topic", 2) { Resources = Figures(("router", 0.05), ("broker", 0.3)) },
        ],
        [
            new("p3", "queue", 3) { Resources = Figures(("broker", 2.0)), Partitions = 2 },
            new("p3", "anycast", 0) { Resources = Figures(("router", 0.5), ("broker", 1.5)) },
        ],
    ];

    private static readonly AddressSpacePlanEntry[][] SpacePlanVersions =
    [
        [
            new("sp1", "standard", ["p1", "p2"], 1) { InfraConfigRef = "default", ResourceLimits = Figures(("router", 2), ("broker", 3), ("aggregate", 5)) },
            new("sp1", "standard", ["p1", "p3"], 1) { InfraConfigRef = "other", ResourceLimits = Figures(("router", 2), ("broker", 3), ("aggregate", 5)) },
        ],
        [
            new("sp2", "brokered", ["p3"], 2) { InfraConfigRef = "default", ResourceLimits = Figures(("broker", 1)) },
            new("sp2", "brokered", ["p2", "p3"], 0) { InfraConfigRef = "default" },
        ],
    ];

    private static readonly CatalogEntry[] InfraEntries =
    [
        new InfraConfigEntry(ResourceKind.StandardInfraConfig, "default"),
        new InfraConfigEntry(ResourceKind.StandardInfraConfig, "default") { WithMqtt = true },
        new InfraConfigEntry(ResourceKind.StandardInfraConfig, "other"),
        new InfraConfigEntry(ResourceKind.BrokeredInfraConfig, "default"),
        new AuthenticationServiceEntry("standard"),
        new AuthenticationServiceEntry("none"),
    ];

    /// <summary>One change of a batch: an entry to set, or (Entry null) a key to remove.</summary>
    public sealed record Op(CatalogEntry? Entry, ObjectKey Key)
    {
        public override string ToString() => Entry is null ? $"Remove({Key.Kind} {Key.Namespace}/{Key.Name})" : $"Set({Entry})";
    }

    private static Op Set(CatalogEntry entry) => new(entry, entry.Key);

    private static readonly Gen<AddressEntry> AddressGen = Gen.Select(
        Gen.OneOf(Namespaces), Gen.OneOf(Spaces), Gen.OneOf(Locals), Gen.OneOf<string?>([.. Values, null]),
        Gen.OneOf(Types), Gen.OneOf(PlanNames), Gen.Int[0, 3],
        (ns, space, local, value, type, plan, pending) => new AddressEntry(ns, $"{space}.{local}", space, value, type) { Plan = plan, Unprovisioned = pending == 0 });

    private static readonly Gen<UserEntry> UserGen = Gen.Select(
        Gen.OneOf(Namespaces), Gen.OneOf(Spaces), Gen.OneOf(UserLocals), Gen.OneOf<string?>([.. Usernames, null]),
        (ns, space, local, username) => new UserEntry(ns, $"{space}.{local}", space, username));

    private static readonly Gen<AddressSpaceEntry> SpaceGen = Gen.Select(
        Gen.OneOf(Namespaces), Gen.OneOf(Spaces), Gen.OneOf("standard", "brokered"), Gen.OneOf("sp1", "sp2", "gone"), Gen.OneOf(Realms),
        (ns, space, type, plan, realm) => new AddressSpaceEntry(ns, space, type, plan) { Realm = realm });

    private static readonly Gen<CatalogEntry> AddressPlanGen = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1], (p, v) => (CatalogEntry)AddressPlanVersions[p][v]);

    private static readonly Gen<CatalogEntry> InfraGen = Gen.Frequency(
        (3, AddressPlanGen),
        (2, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], (p, v) => (CatalogEntry)SpacePlanVersions[p][v])),
        (2, Gen.OneOf(InfraEntries)));

    /// <summary>Every key the universe has, and some no batch ever sets.</summary>
    private static readonly ObjectKey[] Keys =
    [
        .. from ns in Namespaces from s in Spaces.Append("zz") select new ObjectKey(ResourceKind.AddressSpace, ns, s),
        .. from ns in Namespaces from s in Spaces.Append("zz") from l in Locals select new ObjectKey(ResourceKind.Address, ns, $"{s}.{l}"),
        .. from ns in Namespaces from s in Spaces.Append("zz") from u in UserLocals select new ObjectKey(ResourceKind.MessagingUser, ns, $"{s}.{u}"),
        .. from ns in Namespaces select new ObjectKey(ResourceKind.Address, ns, "noprefix"),
        .. from ns in Namespaces select new ObjectKey(ResourceKind.MessagingUser, ns, "noprefix"),
        .. from p in new[] { "p1", "p2", "p3", "gone" } select new ObjectKey(ResourceKind.AddressPlan, string.Empty, p),
        .. from p in new[] { "sp1", "sp2", "gone" } select new ObjectKey(ResourceKind.AddressSpacePlan, string.Empty, p),
        .. from n in InfraNames select new ObjectKey(ResourceKind.StandardInfraConfig, string.Empty, n),
        .. from n in InfraNames select new ObjectKey(ResourceKind.BrokeredInfraConfig, string.Empty, n),
        .. from n in new[] { "standard", "none", "other" } select new ObjectKey(ResourceKind.AuthenticationService, string.Empty, n),
    ];

    private static readonly Gen<Op> OneOp = Gen.Frequency(
        (6, AddressGen.Select(a => Set(a))),
        (3, UserGen.Select(u => Set(u))),
        (2, SpaceGen.Select(s => Set(s))),
        (2, InfraGen.Select(Set)),
        (5, Gen.OneOf(Keys).Select(k => new Op(null, k))));

    /// <summary>An address plan taken away, something changed while it is away, and the plan back (maybe as the other version and back).</summary>
    private static readonly Gen<Op[]> PlanFlip = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1], Gen.Bool, OneOp, Gen.OneOf(AddressGen.Select(a => Set(a)), Gen.OneOf(Keys).Select(k => new Op(null, k))), (p, v, twice, between, address) =>
    {
        var key = AddressPlanVersions[p][0].Key;
        Op[] back = twice ? [Set(AddressPlanVersions[p][1 - v]), between, Set(AddressPlanVersions[p][v])] : [Set(AddressPlanVersions[p][v])];
        return (Op[])[new Op(null, key), address, .. back];
    });

    private static readonly Gen<Op[]> Batch = Gen.Frequency((8, OneOp.Select(o => new[] { o })), (1, PlanFlip)).Array[0, 10].Select(chunks => chunks.SelectMany(c => c).ToArray());

    private static readonly Gen<Op[][]> Batches = Batch.Array[1, 6];

    private static string Show(Op[][] batches) =>
        string.Join("\n", batches.Select((b, i) => $"batch {i}:\n  " + string.Join("\n  ", b.Select(o => o.ToString()))));

    [Fact]
    public void Every_batch_applied_on_the_last_snapshot_answers_as_a_full_build_of_what_is_alive() =>
        Batches.Sample(
            batches =>
            {
                var live = new Dictionary<ObjectKey, CatalogEntry>();
                var snapshot = new CatalogBuilder().WithOrigin(Origin).Build();
                foreach (var batch in batches)
                {
                    var builder = new CatalogBuilder(snapshot);
                    foreach (var op in batch)
                    {
                        if (op.Entry is { } entry)
                        {
                            builder.Set(entry);
                            live[op.Key] = entry;
                        }
                        else
                        {
                            builder.Remove(op.Key);
                            live.Remove(op.Key);
                        }
                    }

                    snapshot = builder.Build();
                    var full = new CatalogBuilder().WithOrigin(Origin);
                    foreach (var entry in live.Values)
                    {
                        full.Set(entry);
                    }

                    AssertSame(full.Build(), snapshot);
                }
            },
            iter: Hostile.Iterations(1000),
            print: Show);

    [Fact]
    public void A_plan_removed_and_added_back_in_one_batch_leaves_the_usage_a_full_build_has()
    {
        // F1, as the review found it: the space's usage was summed with the plans of the moment
        // it was first touched, and not recounted since the final plans equal the basis's.
        var p = AddressPlanVersions[0][0];
        var basis = new CatalogBuilder().Set(p)
            .Set(new AddressEntry("ns1", "s1.a", "s1", "a", "queue") { Plan = "p1" })
            .Set(new AddressEntry("ns1", "s1.b", "s1", "b", "queue") { Plan = "p1" })
            .Build();
        var after = new CatalogBuilder(basis).Remove(p.Key).Remove(new ObjectKey(ResourceKind.Address, "ns1", "s1.a")).Set(p).Build();
        Assert.Equal(0.2m, after.UsageOf("ns1", "s1").Router);
        Assert.Equal(0.5m, after.UsageOf("ns1", "s1").PooledBroker);
    }

    /// <summary>Compares every answer of two catalogues; the first difference fails with what was asked.</summary>
    private static void AssertSame(CatalogSnapshot expected, CatalogSnapshot actual)
    {
        Same("Origin", expected.Origin, actual.Origin);
        Same("Counts", Show(expected.Counts), Show(actual.Counts));
        foreach (var ns in Namespaces.Append("zz"))
        {
            Same($"AddressSpaceCount({ns})", expected.AddressSpaceCount(ns), actual.AddressSpaceCount(ns));
            foreach (var space in Spaces.Append("zz"))
            {
                var at = $"{ns}/{space}";
                Same($"AddressCount({at})", expected.AddressCount(ns, space), actual.AddressCount(ns, space));
                Same($"UserCount({at})", expected.UserCount(ns, space), actual.UserCount(ns, space));
                Same($"UsageOf({at})", Show(expected.UsageOf(ns, space)), Show(actual.UsageOf(ns, space)));
                SameSet($"AddressesOf({at})", expected.AddressesOf(ns, space), actual.AddressesOf(ns, space));
                SameSet($"UsersOf({at})", expected.UsersOf(ns, space), actual.UsersOf(ns, space));
                foreach (var value in Values.Append(string.Empty).Append("nothing"))
                {
                    SameSet($"AddressesWith({at}, {value})", expected.AddressesWith(ns, space, value), actual.AddressesWith(ns, space, value));
                }

                foreach (var username in Usernames.Append(string.Empty))
                {
                    SameSet($"UsersWith({at}, {username})", expected.UsersWith(ns, space, username), actual.UsersWith(ns, space, username));
                }

                foreach (var prefix in Values.SelectMany(v => Enumerable.Range(0, v.Length + 1).Select(n => v[..n])).Append("x").Distinct())
                {
                    SameList($"AddressValues({at}, \"{prefix}\")", expected.AddressValues(ns, space, prefix), actual.AddressValues(ns, space, prefix));
                    SameList($"Topics({at}, \"{prefix}\")", expected.Topics(ns, space, prefix), actual.Topics(ns, space, prefix));
                }
            }
        }

        foreach (var realm in Realms.Append("r3"))
        {
            SameSet($"SpacesWithRealm({realm})", expected.SpacesWithRealm(realm), actual.SpacesWithRealm(realm));
        }

        foreach (var key in Keys)
        {
            Same($"Entry({key})", expected.Entry(key), actual.Entry(key));
        }

        foreach (var type in SpaceTypes)
        {
            foreach (var plan in PlanNames.OfType<string>())
            {
                Same($"Offers({type}, {plan})", expected.Offers(type, plan), actual.Offers(type, plan));
            }
        }

        foreach (var name in InfraNames)
        {
            Same($"HasInfraConfig({name})", expected.HasInfraConfig(name), actual.HasInfraConfig(name));
            Same($"HasMqtt({name})", expected.HasMqtt(name), actual.HasMqtt(name));
        }

        SameList("AddressPlans", expected.AddressPlans, actual.AddressPlans);
        SameList("AddressSpacePlans", expected.AddressSpacePlans, actual.AddressSpacePlans);
        SameSet("AuthenticationServices", expected.AuthenticationServices, actual.AuthenticationServices);
    }

    private static string Show(IReadOnlyDictionary<string, int> counts) => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Every figure of a usage; a resource summed back to zero reads as zero, as rules read it.</summary>
    private static string Show(SpaceUsage usage) =>
        $"router {N(usage.Router)}, pooled {N(usage.PooledBroker)}, sharded {N(usage.ShardedBroker)}, needed {usage.RoutersNeeded}/{usage.BrokersNeeded}/{usage.AggregateNeeded}, requested "
        + string.Join(", ", usage.Requested.Where(r => r.Value != 0).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={N(r.Value)}"));

    /// <summary>A sum without the scale its terms left (0.0 and 0 are one figure).</summary>
    private static string N(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Same<T>(string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            Assert.Fail($"{what}: full build {expected?.ToString() ?? "null"}, incremental {actual?.ToString() ?? "null"}");
        }
    }

    private static void SameList<T>(string what, IEnumerable<T> expected, IEnumerable<T> actual)
    {
        List<T> e = [.. expected], a = [.. actual];
        if (!e.SequenceEqual(a))
        {
            Assert.Fail($"{what}: full build [{string.Join(", ", e)}], incremental [{string.Join(", ", a)}]");
        }
    }

    private static void SameSet<T>(string what, IEnumerable<T> expected, IEnumerable<T> actual)
    {
        List<T> e = [.. expected], a = [.. actual];
        if (e.Count != a.Count || !e.ToHashSet().SetEquals(a))
        {
            Assert.Fail($"{what}: full build {{{string.Join(", ", e)}}}, incremental {{{string.Join(", ", a)}}}");
        }
    }

    private static readonly Gen<string> Word = Gen.OneOf("a", "b", "ab", "ba", string.Empty, "a.b");

    /// <summary>Addresses of slash-separated words, some empty, as EnMasse allows them.</summary>
    private static readonly Gen<string> AddressValue = Word.Array[1, 4].Select(w => string.Join('/', w)).Where(v => v.Length > 0);

    /// <summary>Patterns of either grammar, wildcards as whole words, trailing or inside words, and invalid ones (MatchesAny must still agree).</summary>
    private static readonly Gen<string> Pattern = Gen.OneOf(Word, Gen.OneOf("*", "+", "#", "a*", "*a", "a+b", "a#"))
        .Array[1, 4].Select(w => string.Join('/', w)).Where(p => p.Length > 0);

    [Fact]
    public void MatchesAny_answers_as_a_scan_of_every_address_of_the_space() =>
        Gen.Select(AddressValue.Array[0, 30], Pattern, Gen.OneOf<string?>("standard", "brokered", null)).Sample(
            sample =>
            {
                var (values, pattern, type) = sample;
                var builder = new CatalogBuilder();
                for (var i = 0; i < values.Length; i++)
                {
                    builder.Set(new AddressEntry("ns1", $"s1.x{i}", "s1", values[i], "queue"));
                }

                var catalog = builder.Build();
                var scan = catalog.AddressesOf("ns1", "s1").Any(a => AddressPattern.Matches(pattern, a.Address!, type));
                Assert.Equal(scan, AddressPattern.MatchesAny(catalog, "ns1", "s1", pattern, type));
            },
            iter: Hostile.Iterations(3000),
            print: s => $"pattern \"{s.Item2}\" ({s.Item3 ?? "either type"}) over [{string.Join(", ", s.Item1.Select(v => $"\"{v}\""))}]");
}

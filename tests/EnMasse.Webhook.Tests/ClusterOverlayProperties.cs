using CsCheck;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Webhook.Cluster;
using EnMasse.Webhook.Serving;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The served catalogue after random cluster events (through <see cref="ClusterObjects"/>, as the
/// feed turns them into changes), relists and policy reloads, against a catalogue built from
/// scratch: the published plans, the --catalog objects (a List's items and plain documents),
/// and the live cluster objects, the cluster's winning. Objects are kept for the audit.
/// </summary>
public sealed class ClusterOverlayProperties
{
    /// <summary>Names in team1: some also in the --catalog file, one without the space prefix.</summary>
    private static readonly string[] AddressNames = ["s1.listed", "s1.plain", "s1.cluster", "s2.other", "noprefix"];
    private static readonly string[] SpaceNames = ["s1", "s2"];
    private static readonly string[] UserNames = ["s1.listeduser", "s1.u2"];

    private const string Catalog = """
        apiVersion: v1
        items:
        - apiVersion: enmasse.io/v1beta1
          kind: Address
          metadata: { name: s1.listed, namespace: team1, labels: { v: catalog } }
          spec: { address: shared, type: queue, plan: standard-small-queue }
        - apiVersion: enmasse.io/v1beta1
          kind: AddressSpace
          metadata: { name: s1, namespace: team1, labels: { v: catalog } }
          spec: { type: standard, plan: standard-small }
        - apiVersion: user.enmasse.io/v1beta1
          kind: MessagingUser
          metadata: { name: s1.listeduser, namespace: team1, labels: { v: catalog } }
          spec: { username: alice, authentication: { type: federated, provider: openshift } }
        - apiVersion: enmasse.io/v1beta1
          kind: Address
          metadata: { name: noprefix, namespace: team1, labels: { v: catalog } }
          spec: { address: np, type: queue, plan: standard-small-queue }
        kind: List
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: s1.plain, namespace: team1, labels: { v: catalog } }
        spec: { address: plain, type: topic, plan: standard-small-topic }
        """;

    private static readonly WatchedResource Addresses = WatchedResource.All.Single(r => r.Plural == "addresses");
    private static readonly WatchedResource AddressSpaces = WatchedResource.All.Single(r => r.Plural == "addressspaces");
    private static readonly WatchedResource Users = WatchedResource.All.Single(r => r.Plural == "messagingusers");

    /// <summary>An object of the cluster in one of three versions.</summary>
    private static Resource Object(WatchedResource resource, string name, int version) => ClusterOverlay.FromJson(resource.Plural switch
    {
        "addresses" => $$$"""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"{{{name}}}","namespace":"team1","labels":{"v":"{{{version}}}"}},"spec":{"address":"{{{(version == 2 ? "shared" : "a" + version)}}}","type":"{{{(version == 1 ? "topic" : "queue")}}}","plan":"standard-small-queue"}}""",
        "addressspaces" => $$$"""{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"{{{name}}}","namespace":"team1","labels":{"v":"{{{version}}}"}},"spec":{"type":"{{{(version == 1 ? "brokered" : "standard")}}}","plan":"standard-small"}}""",
        _ => $$$$"""{"apiVersion":"user.enmasse.io/v1beta1","kind":"MessagingUser","metadata":{"name":"{{{{name}}}}","namespace":"team1","labels":{"v":"{{{{version}}}}"}},"spec":{"username":"{{{{(version == 0 ? "alice" : "bob")}}}}","authentication":{"type":"password","password":"c2VjcmV0"}}}""",
    });

    private static readonly (WatchedResource Resource, string Name)[] Universe =
    [
        .. AddressNames.Select(n => (Addresses, n)),
        .. SpaceNames.Select(n => (AddressSpaces, n)),
        .. UserNames.Select(n => (Users, n)),
    ];

    /// <summary>One step: ADDED/MODIFIED, DELETED, a relist of one resource, or a policy reload.</summary>
    public sealed record Step(string What, int Target, int Version, bool[] Kept)
    {
        public override string ToString() => What switch
        {
            "upsert" => $"upsert {Universe[Target].Name} v{Version}",
            "delete" => $"delete {Universe[Target].Name}",
            "relist" => $"relist {Universe[Target].Resource.Plural} keeping [{string.Join(", ", Universe.Where((u, i) => u.Resource == Universe[Target].Resource && Kept[i]).Select(u => u.Name))}] at v{Version}",
            _ => What,
        };
    }

    private static readonly Gen<Step> StepGen = Gen.Select(
        Gen.Frequency((6, Gen.Const("upsert")), (4, Gen.Const("delete")), (1, Gen.Const("relist")), (1, Gen.Const("reload")), (2, Gen.Const("apply"))),
        Gen.Int[0, Universe.Length - 1],
        Gen.Int[0, 2],
        Gen.Bool.Array[Universe.Length],
        (what, target, version, kept) => new Step(what, target, version, kept));

    [Fact]
    public void The_served_catalogue_is_the_policy_the_catalog_files_and_the_live_cluster_objects_built_afresh()
    {
        using var overlay = ClusterOverlay.Start(Catalog);
        var read = InputReader.Read([overlay.Directory], stdin: null, Environment.CurrentDirectory, DocumentLimits.Catalog);
        Assert.Null(read.Error);
        StepGen.Array[1, 30].Sample(
            steps =>
            {
                // Each sample starts from a cluster with nothing in it.
                var objects = new ClusterObjects();
                var live = new Dictionary<ObjectKey, (WatchedResource Resource, Resource Object)>();
                var pending = new List<(ObjectKey, CatalogEntry?, Resource?)>();
                overlay.State.ApplyClusterChanges(Forget());
                foreach (var step in steps)
                {
                    var (resource, name) = Universe[step.Target];
                    switch (step.What)
                    {
                        case "upsert":
                            var changed = Object(resource, name, step.Version);
                            objects.Upsert(resource, ObjectKey.Of(changed), CatalogEntry.From(changed), changed, pending);
                            live[ObjectKey.Of(changed)] = (resource, changed);
                            break;
                        case "delete":
                            var key = ObjectKey.Of(Object(resource, name, 0));
                            objects.Delete(resource, key, pending);
                            live.Remove(key);
                            break;
                        case "relist":
                            var items = Universe.Where((u, i) => u.Resource == resource && step.Kept[i]).Select(u => Object(resource, u.Name, step.Version)).ToList();
                            objects.Relist(resource, [.. items.Select(o => (ObjectKey.Of(o), CatalogEntry.From(o), (Resource?)o))], pending);
                            foreach (var gone in live.Where(l => l.Value.Resource == resource).Select(l => l.Key).ToList())
                            {
                                live.Remove(gone);
                            }

                            items.ForEach(o => live[ObjectKey.Of(o)] = (resource, o));
                            break;
                        case "reload":
                            overlay.State.ApplyClusterChanges(pending);
                            pending.Clear();
                            Assert.True(overlay.State.Reload());
                            break;
                        default:
                            overlay.State.ApplyClusterChanges(pending);
                            pending.Clear();
                            break;
                    }
                }

                overlay.State.ApplyClusterChanges(pending);
                var expected = new CatalogBuilder(overlay.State.Current!.Engine.Bundle.Published) { KeepingObjects = true }
                    .WithOrigin(PolicySources.ClusterOrigin)
                    .AddFiles(read.Files, Resource.DefaultNamespace)
                    .AddRange(live.Values.Select(l => l.Object))
                    .Build();
                AssertSame(expected, overlay.Served);
            },
            iter: Hostile.Iterations(150),
            threads: 1, // the samples share one served state
            print: steps => string.Join("; ", steps.Select(s => s.ToString())));
    }

    /// <summary>Deletions of whatever the last sample left in the served state's overlay, so samples do not see each other.</summary>
    private static List<(ObjectKey, CatalogEntry?, Resource?)> Forget() =>
        [.. Universe.Select(u => (ObjectKey.Of(Object(u.Resource, u.Name, 0)), (CatalogEntry?)null, (Resource?)null))];

    /// <summary>Entries read twice are equal when their values are: a space's connectors are a list, compared by its items.</summary>
    private static bool SameEntry(CatalogEntry? a, CatalogEntry? b) => (a, b) switch
    {
        (AddressSpaceEntry x, AddressSpaceEntry y) => x.Connectors.SequenceEqual(y.Connectors) && x with { Connectors = [] } == y with { Connectors = [] },
        _ => Equals(a, b),
    };

    private static void AssertSame(CatalogSnapshot expected, CatalogSnapshot actual)
    {
        Assert.Equal(expected.Origin, actual.Origin);
        Assert.Equal(expected.Counts.OrderBy(c => c.Key, StringComparer.Ordinal), actual.Counts.OrderBy(c => c.Key, StringComparer.Ordinal));
        foreach (var (resource, name) in Universe)
        {
            var key = ObjectKey.Of(Object(resource, name, 0));
            Assert.True(SameEntry(expected.Entry(key), actual.Entry(key)), $"Entry({key}): full build {expected.Entry(key)}, served {actual.Entry(key)}");
        }

        foreach (var space in SpaceNames)
        {
            Assert.Equal(expected.AddressCount("team1", space), actual.AddressCount("team1", space));
            Assert.Equal(expected.UserCount("team1", space), actual.UserCount("team1", space));
            Assert.Equal(expected.AddressesWith("team1", space, "shared").Select(a => a.Name), actual.AddressesWith("team1", space, "shared").Select(a => a.Name));
            Assert.Equal(expected.Topics("team1", space), actual.Topics("team1", space));
        }

        Assert.Equal(expected.AddressSpaceCount("team1"), actual.AddressSpaceCount("team1"));
        var (e, a) = (ClusterOverlay.Objects(expected), ClusterOverlay.Objects(actual));
        foreach (var key in e.Keys.Union(a.Keys))
        {
            Assert.True(e.GetValueOrDefault(key) == a.GetValueOrDefault(key), $"object {key}: full build {e.GetValueOrDefault(key) ?? "none"}, served {a.GetValueOrDefault(key) ?? "none"}");
        }
    }
}

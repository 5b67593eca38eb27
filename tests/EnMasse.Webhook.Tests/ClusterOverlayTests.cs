using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Webhook.Tests;

/// <summary>The cluster's objects laid over the policy and the --catalog files, with the audit's objects kept.</summary>
public sealed class ClusterOverlayTests
{
    /// <summary>A kubectl List (the item first, its kind after, as kubectl writes it) and a plain document.</summary>
    private const string Catalog = """
        apiVersion: v1
        items:
        - apiVersion: enmasse.io/v1beta1
          kind: Address
          metadata: { name: s1.listed, namespace: team1, labels: { from: catalog } }
          spec: { address: listed, type: queue, plan: standard-small-queue }
        kind: List
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: s1.plain, namespace: team1, labels: { from: catalog } }
        spec: { address: plain, type: queue, plan: standard-small-queue }
        """;

    private static readonly ObjectKey Listed = new(ResourceKind.Address, "team1", "s1.listed");
    private static readonly ObjectKey Plain = new(ResourceKind.Address, "team1", "s1.plain");

    private static string FromCluster(string name, string address) =>
        $$$"""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"{{{name}}}","namespace":"team1","labels":{"from":"cluster"}},"spec":{"address":"{{{address}}}","type":"queue","plan":"standard-small-queue"}}""";

    private static string? From(Resource? resource) =>
        ((resource?.Metadata?.Get("labels") as MappingNode)?.Get("from") as ScalarNode)?.Value;

    [Fact]
    public void List_items_of_a_catalog_file_are_kept_whole_for_the_audit_as_plain_documents_are()
    {
        using var overlay = ClusterOverlay.Start(Catalog);
        Assert.Equal("catalog", From(overlay.Served.ObjectOf(Plain)));
        Assert.Equal("catalog", From(overlay.Served.ObjectOf(Listed)));
    }

    [Fact]
    public void A_deleted_cluster_object_gives_back_the_catalog_file_s_object_and_not_the_cluster_s()
    {
        using var overlay = ClusterOverlay.Start(Catalog);
        foreach (var key in new[] { Listed, Plain })
        {
            var cluster = ClusterOverlay.FromJson(FromCluster(key.Name, "changed"));
            overlay.State.ApplyClusterChanges([ClusterOverlay.Upserted(cluster)]);
            Assert.Equal("cluster", From(overlay.Served.ObjectOf(key)));
            Assert.Equal("changed", Assert.IsType<AddressEntry>(overlay.Served.Entry(key)).Address);

            overlay.State.ApplyClusterChanges([ClusterOverlay.Deleted(cluster)]);
            Assert.Equal("catalog", From(overlay.Served.ObjectOf(key)));
            Assert.NotEqual("changed", Assert.IsType<AddressEntry>(overlay.Served.Entry(key)).Address);
        }

        // One the --catalog files do not hold goes away whole.
        var only = ClusterOverlay.FromJson(FromCluster("s1.only", "only"));
        overlay.State.ApplyClusterChanges([ClusterOverlay.Upserted(only)]);
        overlay.State.ApplyClusterChanges([ClusterOverlay.Deleted(only)]);
        Assert.Null(overlay.Served.ObjectOf(ObjectKey.Of(only)));
        Assert.Null(overlay.Served.Entry(ObjectKey.Of(only)));
    }

    [Fact]
    public void After_a_batch_that_cannot_be_built_the_next_one_rebuilds_and_keeps_the_good_changes_of_both()
    {
        using var overlay = ClusterOverlay.Start(Catalog);
        var good = ClusterOverlay.FromJson(FromCluster("s1.good", "good"));
        var later = ClusterOverlay.FromJson(FromCluster("s1.later", "later"));

        // An entry no cluster object makes (a plan with a namespace, so two plans of one name):
        // the catalogue cannot be built with it, whichever way it is built.
        var poison = new AddressPlanEntry("standard-small-queue", "queue", 0) { Namespace = "team1" };
        Assert.ThrowsAny<Exception>(() => overlay.State.ApplyClusterChanges([ClusterOverlay.Upserted(good), (poison.Key, poison, null)]));
        Assert.Null(overlay.Served.Entry(ObjectKey.Of(good)));

        overlay.State.ApplyClusterChanges([(poison.Key, null, null), ClusterOverlay.Upserted(later)]);
        Assert.NotNull(overlay.Served.Entry(ObjectKey.Of(later)));
        Assert.NotNull(overlay.Served.Entry(ObjectKey.Of(good)));
        Assert.Equal("cluster", From(overlay.Served.ObjectOf(ObjectKey.Of(good))));
        Assert.NotNull(overlay.Served.AddressPlan("standard-small-queue"));
    }
}

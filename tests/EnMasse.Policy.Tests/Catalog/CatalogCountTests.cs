using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Tests.Catalog;

/// <summary>The counts tenant.quota reads through ICatalog, and the origin its messages name.</summary>
public sealed class CatalogCountTests
{
    private static CatalogBuilder World() =>
        new CatalogBuilder().AddFiles([DocumentLoader.LoadText("world.yaml", TenantWorld.Objects)], Resource.DefaultNamespace);

    [Fact]
    public void Address_spaces_are_counted_per_namespace_and_addresses_and_users_per_space()
    {
        ICatalog catalog = World().Build();
        Assert.Equal((1, 2, 0), (catalog.AddressSpaceCount("team-payments"), catalog.AddressSpaceCount("team-web"), catalog.AddressSpaceCount("other")));
        Assert.Equal((2, 2, 0), (catalog.AddressCount("team-payments", "pay-orders"), catalog.AddressCount("team-web", "web-shop"), catalog.AddressCount("team-web", "web-old")));
        Assert.Equal((1, 1, 0), (catalog.UserCount("team-payments", "pay-orders"), catalog.UserCount("team-web", "web-shop"), catalog.UserCount("team-payments", "web-shop")));
    }

    [Fact]
    public void A_watch_s_removal_and_a_replaced_object_change_the_counts_once()
    {
        var builder = World();
        builder.Remove(new ObjectKey(ResourceKind.AddressSpace, "team-web", "web-old"));
        var again = Assert.Single(DocumentLoader.LoadText("again.yaml", "apiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata: { name: web-shop, namespace: team-web }\nspec: { type: standard, plan: standard-medium }\n").Documents);
        builder.Add(Resource.From(again.Root, "team-web")!);
        Assert.Equal(1, builder.Build().AddressSpaceCount("team-web"));
    }

    [Fact]
    public void The_origin_is_named_by_whoever_builds_the_catalogue_and_kept_by_layers_over_it()
    {
        Assert.Equal(CatalogSnapshot.DefaultOrigin, World().Build().Origin);
        var named = World().WithOrigin("the files of this test").Build();
        Assert.Equal("the files of this test", new CatalogBuilder(named).Build().Origin);
    }
}

using EnMasse.Policy.Catalog;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Catalog;

/// <summary>
/// A message that names one of several objects names the same one on every run and whatever
/// order the objects came in: the ordinal-smallest. String hashes differ per process, so an
/// order that follows a hash set (or the order objects arrived in) would name another space or
/// address each time.
/// </summary>
public sealed class CatalogOrderTests
{
    private const int Many = 40;

    /// <summary>The same names in an order that is neither sorted nor the reverse.</summary>
    private static IEnumerable<int> Shuffled() => Enumerable.Range(0, Many).OrderBy(i => (i * 17) % Many);

    [Fact]
    public void Spaces_of_one_realm_come_by_namespace_then_name()
    {
        var builder = new CatalogBuilder();
        foreach (var i in Shuffled())
        {
            builder.Set(new AddressSpaceEntry($"team{i % 7}", $"s{i:D2}", "standard", "standard-small") { Realm = "shared" });
        }

        var listed = builder.Build().SpacesWithRealm("shared").Select(s => (s.Namespace, s.Name)).ToList();
        Assert.Equal(listed.OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal), listed);
        Assert.Equal(Many, listed.Count);
    }

    [Fact]
    public void Addresses_and_users_with_one_value_come_by_name_whatever_the_order_they_came_in()
    {
        var builder = new CatalogBuilder();
        foreach (var i in Shuffled())
        {
            builder.Set(new AddressEntry("team1", $"s1.q{i:D2}", "s1", "shared", "queue"));
            builder.Set(new UserEntry("team1", $"s1.u{i:D2}", "s1", "app"));
        }

        var catalog = new CatalogBuilder(builder.Build())
            .Remove(new ObjectKey(ResourceKind.Address, "team1", "s1.q05"))
            .Set(new AddressEntry("team1", "s1.q05", "s1", "shared", "queue"))
            .Build();
        var addresses = catalog.AddressesWith("team1", "s1", "shared").Select(a => a.Name).ToList();
        var users = catalog.UsersWith("team1", "s1", "app").Select(u => u.Name).ToList();
        Assert.Equal(addresses.Order(StringComparer.Ordinal), addresses);
        Assert.Equal(users.Order(StringComparer.Ordinal), users);
        Assert.Equal((Many, Many), (addresses.Count, users.Count));
    }

    private static string Space(string ns, string name, string realm) => $"""
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: {name}
          namespace: {ns}
          annotations: {"{"} enmasse.io/realm-name: {realm} {"}"}
        spec: {"{"} type: standard, plan: standard-small {"}"}
        """;

    private static string Address(string name, string address, string type) => $"""
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: {"{"} name: {name}, namespace: team1 {"}"}
        spec: {"{"} address: {address}, type: {type}, plan: standard-small-queue {"}"}
        """;

    [Fact]
    public void The_realm_collision_names_the_ordinal_smallest_other_space()
    {
        var world = string.Join("\n---\n", Shuffled().Select(i => Space($"team{i % 7}", $"s{i:D2}", "shared")));
        var finding = TestEngine.Check(Space("team1", "newcomer", "shared"), world: world).One(RuleIds.AddressSpaceRealmCollision);
        Assert.Contains("which address space \"team0/s00\" has already", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscription_to_a_value_several_non_topics_share_names_the_type_of_the_first_by_name()
    {
        // s1.z came first; s1.a comes first by name.
        var world = World.Team1 + "\n---\n" + Address("myspace.z", "shared", "queue") + "\n---\n" + Address("myspace.a", "shared", "anycast");
        var subscription = Address("myspace.sub", "sub", "subscription").Replace("spec: {", "spec: { topic: shared,", StringComparison.Ordinal);
        var finding = TestEngine.Check(subscription, world: world).One(RuleIds.AddressTopic);
        Assert.Contains("spec.topic \"shared\" is a anycast address", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_address_names_the_ordinal_smallest_holder()
    {
        var world = World.Team1 + "\n---\n" + Address("myspace.z", "shared", "queue") + "\n---\n" + Address("myspace.b", "shared", "queue");
        var finding = TestEngine.Check(Address("myspace.c", "shared", "queue"), world: world).One(RuleIds.AddressDuplicate);
        Assert.Contains("already used by Address \"myspace.b\"", finding.Message, StringComparison.Ordinal);
    }
}

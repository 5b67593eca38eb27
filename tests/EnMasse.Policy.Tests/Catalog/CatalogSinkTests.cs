using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Tests.Catalog;

/// <summary>
/// --catalog files read through <see cref="CatalogSink"/> (item by item, no trees kept, as the
/// webhook reads them) make the same catalogue as the files read whole (as the CLI reads them).
/// </summary>
public sealed class CatalogSinkTests
{
    private const string KubectlList = """
        apiVersion: v1
        items:
        - apiVersion: enmasse.io/v1beta1
          kind: AddressSpace
          metadata: { name: s1, namespace: team1 }
          spec: { type: standard, plan: standard-small }
        - apiVersion: enmasse.io/v1beta1
          kind: Address
          metadata: { name: s1.q1, namespace: team1 }
          spec: { address: q1, type: queue, plan: standard-small-queue }
          status: { phase: Active }
        - apiVersion: v1
          kind: ConfigMap
          metadata: { name: other }
        kind: List
        metadata: { resourceVersion: "" }
        """;

    private const string TypedList = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressList
        items:
        - metadata: { name: s1.q2, namespace: team1 }
          spec: { address: q2, type: topic, plan: standard-small-topic }
        - apiVersion: enmasse.io/v1beta1
          kind: Address
          metadata: { name: s1.q3, namespace: team1 }
          spec: { address: q3, type: queue, plan: standard-small-queue }
        """;

    /// <summary>Not a List: the objects under its items are not objects of the catalogue.</summary>
    private const string NotAList = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: s9, namespace: team1 }
        spec: { type: standard, plan: standard-small }
        items:
        - apiVersion: enmasse.io/v1beta1
          kind: Address
          metadata: { name: s9.hidden, namespace: team1 }
          spec: { address: hidden, type: queue, plan: standard-small-queue }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: s9.plain }
        spec: { address: plain, type: queue, plan: standard-small-queue }
        """;

    private const string JsonList = """
        {"apiVersion":"v1","items":[{"apiVersion":"user.enmasse.io/v1beta1","kind":"MessagingUser","metadata":{"name":"s1.u1","namespace":"team1"},"spec":{"username":"app"}}],"kind":"List","metadata":{}}
        """;

    [Theory]
    [InlineData("list.yaml", KubectlList)]
    [InlineData("typed.yaml", TypedList)]
    [InlineData("not-a-list.yaml", NotAList)]
    [InlineData("list.json", JsonList)]
    public void Read_item_by_item_the_catalogue_is_the_one_read_whole(string file, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var whole = new CatalogBuilder().AddFiles([DocumentLoader.Load(file, bytes, DocumentLimits.Catalog)], "default").Build();

        var builder = new CatalogBuilder();
        var streamed = DocumentLoader.Load(file, bytes, DocumentLimits.Catalog, new CatalogSink(builder, "default"));
        var catalog = builder.Build();

        Assert.Empty(streamed.FileFindings);
        Assert.Empty(streamed.Documents);
        Assert.Equal(whole.Counts, catalog.Counts);
        foreach (var space in new[] { "s1", "s9" })
        {
            Assert.Equal(Names(whole.AddressesOf("team1", space)), Names(catalog.AddressesOf("team1", space)));
            Assert.Equal(Names(whole.AddressesOf("default", space)), Names(catalog.AddressesOf("default", space)));
            Assert.Equal(whole.UsersOf("team1", space).Select(u => u.Username), catalog.UsersOf("team1", space).Select(u => u.Username));
            Assert.Equal(whole.Topics("team1", space), catalog.Topics("team1", space));
        }
    }

    [Fact]
    public void The_cases_above_hold_what_they_are_meant_to()
    {
        var builder = new CatalogBuilder();
        foreach (var (file, text) in new[] { ("list.yaml", KubectlList), ("typed.yaml", TypedList), ("not-a-list.yaml", NotAList), ("list.json", JsonList) })
        {
            DocumentLoader.Load(file, System.Text.Encoding.UTF8.GetBytes(text), DocumentLimits.Catalog, new CatalogSink(builder, "default"));
        }

        var catalog = builder.Build();
        Assert.Equal(["s1.q1", "s1.q2", "s1.q3"], Names(catalog.AddressesOf("team1", "s1")));
        Assert.Equal(["q2"], catalog.Topics("team1", "s1"));
        Assert.Empty(catalog.AddressesOf("team1", "s9"));
        Assert.Equal(["s9.plain"], Names(catalog.AddressesOf("default", "s9")));
        Assert.NotNull(catalog.AddressSpace("team1", "s9"));
        Assert.Equal("app", Assert.Single(catalog.UsersWith("team1", "s1", "app")).Username);
    }

    [Fact]
    public void A_sink_takes_list_items_as_they_are_read_and_the_list_comes_without_them()
    {
        var sink = new Recorder();
        YamlDocumentReader.Read("list.yaml", TypedList, DocumentLimits.Catalog, sink);
        Assert.Equal(["items[1]"], sink.Taken);
        var list = (MappingNode)Assert.Single(sink.Documents).Root;
        var left = Assert.IsType<SequenceNode>(list.Get("items"));
        Assert.Equal("items[0]", Assert.Single(left.Items).Path);
    }

    private static List<string> Names(IEnumerable<AddressEntry> entries) => [.. entries.Select(e => e.Name).Order(StringComparer.Ordinal)];

    private sealed class Recorder : IDocumentSink
    {
        public List<string> Taken { get; } = [];

        public List<SourceDocument> Documents { get; } = [];

        public bool TakeItem(SourceDocument item)
        {
            var kind = (item.Root as MappingNode)?.Get("kind");
            if (kind is null)
            {
                return false;
            }

            Taken.Add(item.Root.Path);
            return true;
        }

        public void Add(SourceDocument document) => Documents.Add(document);
    }
}

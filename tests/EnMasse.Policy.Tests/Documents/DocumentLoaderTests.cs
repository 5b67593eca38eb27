using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Documents;

public sealed class DocumentLoaderTests
{
    [Fact]
    public void Invalid_utf8_is_a_finding_at_the_offending_byte()
    {
        var bytes = "a: 1\nb: x"u8.ToArray().Append((byte)0xFF).ToArray();
        var read = DocumentLoader.Load("bad.yaml", bytes);
        var finding = Assert.Single(read.FileFindings);
        Assert.Equal(RuleIds.YamlSyntax, finding.Rule);
        Assert.Contains("UTF-8", finding.Message, StringComparison.Ordinal);
        Assert.Equal((2, 5), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_not_parsed()
    {
        var limits = new DocumentLimits { MaxFileBytes = 1024 * 1024 };
        var read = DocumentLoader.Load("big.yaml", new byte[2 * 1024 * 1024], limits);
        Assert.Contains("files over 1 MiB are not read", Assert.Single(read.FileFindings).Message, StringComparison.Ordinal);
        Assert.Empty(read.Documents);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var read = DocumentLoader.Load("bom.yaml", [0xEF, 0xBB, 0xBF, .. "a: 1\n"u8.ToArray()]);
        Assert.Empty(read.FileFindings);
        Assert.Equal(new Position(1, 1), ((MappingNode)read.Documents[0].Root).Entries[0].KeyStart);
    }

    [Fact]
    public void Json_files_are_read_by_the_json_reader()
    {
        var read = DocumentLoader.LoadText("x.json", "{\"a\": \"yes\"}");
        Assert.Equal(ScalarType.String, ((ScalarNode)((MappingNode)read.Documents[0].Root).Get("a")!).Type);
    }
}

public sealed class ListExpanderTests
{
    [Fact]
    public void A_plain_list_gives_its_items_with_their_positions()
    {
        var document = TestEngine.Single("apiVersion: v1\nkind: List\nitems:\n  - kind: A\n  - kind: B\n");
        var items = ListExpander.Expand(document).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(new Position(5, 5), items[1].Root.Start);
    }

    [Fact]
    public void Items_of_a_typed_list_take_kind_and_api_version_from_it()
    {
        var document = TestEngine.Single("apiVersion: enmasse.io/v1beta1\nkind: AddressList\nitems:\n  - metadata: { name: s.a }\n");
        var item = (MappingNode)Assert.Single(ListExpander.Expand(document)).Root;
        Assert.Equal("Address", ((ScalarNode)item.Get("kind")!).Value);
        Assert.Equal("enmasse.io/v1beta1", ((ScalarNode)item.Get("apiVersion")!).Value);
    }

    [Fact]
    public void Other_documents_pass_through()
    {
        var document = TestEngine.Single("kind: Address\n");
        Assert.Same(document, Assert.Single(ListExpander.Expand(document)));
    }
}

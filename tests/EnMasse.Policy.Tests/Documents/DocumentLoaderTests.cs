using EnMasse.Policy.Documents;
using EnMasse.Policy.Findings;

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

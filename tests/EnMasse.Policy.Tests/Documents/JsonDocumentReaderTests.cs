using System.Text;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Documents;

public sealed class JsonDocumentReaderTests
{
    private static ReadResult Read(string json, DocumentLimits? limits = null) =>
        JsonDocumentReader.Read("a.json", Encoding.UTF8.GetBytes(json), limits);

    [Fact]
    public void Positions_come_from_byte_offsets_as_line_and_column()
    {
        var read = Read("{\n  \"spec\": {\n    \"plan\": \"small\"\n  }\n}");
        var spec = (MappingNode)((MappingNode)Assert.Single(read.Documents).Root).Get("spec")!;
        var plan = spec.Get("plan")!;
        Assert.Equal(new Position(3, 13), plan.Start);
        Assert.Equal(new Position(3, 5), plan.KeyStart);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var read = Read("{\"ä\": \"é\", \"x\": 1}");
        var root = (MappingNode)read.Documents[0].Root;
        Assert.Equal(new Position(1, 17), root.Get("x")!.Start);
    }

    [Fact]
    public void Numbers_keep_integer_and_float_apart()
    {
        var root = (MappingNode)Read("{\"a\": 1, \"b\": 1.5, \"c\": true, \"d\": null}").Documents[0].Root;
        Assert.Equal(ScalarType.Int, ((ScalarNode)root.Get("a")!).Type);
        Assert.Equal(ScalarType.Float, ((ScalarNode)root.Get("b")!).Type);
        Assert.Equal(ScalarType.Bool, ((ScalarNode)root.Get("c")!).Type);
        Assert.Equal(ScalarType.Null, ((ScalarNode)root.Get("d")!).Type);
    }

    [Fact]
    public void Malformed_json_is_a_syntax_finding_with_position()
    {
        var read = Read("{\n  \"a\": 1,\n  \"b\" 2\n}");
        var finding = Assert.Single(read.FileFindings);
        Assert.Equal(RuleIds.YamlSyntax, finding.Rule);
        Assert.Equal(3, finding.Line);
        Assert.StartsWith("not well-formed JSON", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_keys_are_reported()
    {
        var read = Read("{\"a\": 1, \"a\": 2}");
        Assert.Equal(RuleIds.YamlDuplicateKey, Assert.Single(read.Documents[0].Problems).Rule);
    }

    [Fact]
    public void Deep_nesting_is_stopped_by_our_limit()
    {
        var read = Read(new string('[', 10_000) + new string(']', 10_000));
        Assert.Contains("deeper than 100", Assert.Single(read.FileFindings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_content_is_a_finding()
    {
        Assert.Equal(RuleIds.YamlSyntax, Assert.Single(Read("{} {}").FileFindings).Rule);
    }
}

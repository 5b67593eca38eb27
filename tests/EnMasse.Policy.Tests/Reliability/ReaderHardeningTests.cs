using System.Text;
using System.Text.Json;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Reliability;

/// <summary>Every reader is linear in its input and turns bad text into a finding (reliability review D2, D6, D12, D13, D16, D18).</summary>
public sealed class ReaderHardeningTests
{
    private static byte[] MinifiedConfigMap(int keys)
    {
        var data = string.Join(",", Enumerable.Range(0, keys).Select(i => $"\"k{i}\":\"v\""));
        return Encoding.UTF8.GetBytes($"{{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{{\"name\":\"x\"}},\"data\":{{{data}}}}}");
    }

    [Fact]
    public void Minified_json_is_read_in_linear_time() =>
        Work.AssertLinear(MinifiedConfigMap, bytes => Assert.Empty(JsonDocumentReader.Read("dash.json", bytes).FileFindings), small: 4000);

    [Fact]
    public void A_review_object_with_many_keys_is_converted_in_linear_time() =>
        Work.AssertLinear(
            keys => JsonDocument.Parse(MinifiedConfigMap(keys)),
            document => JsonElementConverter.ToDocument(document.RootElement),
            small: 4000);

    [Fact]
    public void A_lone_surrogate_escape_in_a_json_file_is_a_syntax_finding()
    {
        var read = DocumentLoader.Load("s.json", """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"orders","namespace":"team1"},"spec":{"type":"standard","plan":"\ud800"}}"""u8.ToArray());

        var finding = Assert.Single(read.FileFindings);
        Assert.Equal(RuleIds.YamlSyntax, finding.Rule);
        Assert.Equal((1, 140), (finding.Line, finding.Column));
        Assert.Contains("surrogate", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_json_key_is_a_syntax_finding()
    {
        var read = DocumentLoader.Load("s.json", """{"a\udc00":1}"""u8.ToArray());

        Assert.Equal(RuleIds.YamlSyntax, Assert.Single(read.FileFindings).Rule);
    }

    [Fact]
    public void A_lone_surrogate_in_a_review_object_is_a_syntax_finding_too()
    {
        using var document = JsonDocument.Parse("""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"s.a"},"spec":{"plan":"\ud800"}}""");

        var converted = JsonElementConverter.ToDocument(document.RootElement);

        var problem = Assert.Single(converted.Problems);
        Assert.Equal((RuleIds.YamlSyntax, "spec.plan"), (problem.Rule, problem.Path));
    }

    [Fact]
    public void A_lone_surrogate_in_a_review_key_is_a_syntax_finding_and_the_key_stays_as_written()
    {
        using var document = JsonDocument.Parse("""{"spec":{"a\udc00":1}}""");

        var converted = JsonElementConverter.ToDocument(document.RootElement);

        Assert.Equal(RuleIds.YamlSyntax, Assert.Single(converted.Problems).Rule);
        var spec = Assert.IsType<MappingNode>(Assert.IsType<MappingNode>(converted.Root).Get("spec"));
        Assert.Equal("a\\udc00", Assert.Single(spec.Entries).Key);
    }

    [Fact]
    public void Json_nested_to_the_yaml_limit_is_read_in_both_doors_and_one_deeper_is_a_finding()
    {
        string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

        Assert.Empty(DocumentLoader.Load("d.json", Encoding.UTF8.GetBytes(Nested(100))).FileFindings);
        Assert.Empty(DocumentLoader.LoadText("d.yaml", Nested(100)).FileFindings);
        using (var document = JsonDocument.Parse(Nested(100), new JsonDocumentOptions { MaxDepth = 1000 }))
        {
            Assert.Empty(JsonElementConverter.ToDocument(document.RootElement).Problems);
        }

        Assert.Contains("deeper than 100", Assert.Single(DocumentLoader.Load("d.json", Encoding.UTF8.GetBytes(Nested(101))).FileFindings).Message, StringComparison.Ordinal);
        Assert.Contains("deeper than 100", Assert.Single(DocumentLoader.LoadText("d.yaml", Nested(101)).FileFindings).Message, StringComparison.Ordinal);
        using var deeper = JsonDocument.Parse(Nested(101), new JsonDocumentOptions { MaxDepth = 1000 });
        Assert.Contains("deeper than 100", Assert.Single(JsonElementConverter.ToDocument(deeper.RootElement).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_nul_bytes_after_a_valid_object_are_refused_as_kubectl_refuses_them()
    {
        var read = DocumentLoader.Load("nul.yaml", Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n\0\0"));

        var finding = Assert.Single(read.FileFindings);
        Assert.Equal(RuleIds.YamlSyntax, finding.Rule);
        Assert.Equal((4, 1), (finding.Line, finding.Column));
        Assert.Contains("U+0000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_too_many_documents_finding_has_a_position()
    {
        var text = string.Concat(Enumerable.Repeat("---\na: 1\n", 21));
        var read = DocumentLoader.LoadText("many.yaml", text, DocumentLimits.Default with { MaxDocuments = 20 });

        var finding = Assert.Single(read.FileFindings);
        Assert.Equal((41, 1), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_list_inside_a_list_is_flattened_as_kubectl_does()
    {
        const string Nested = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: List
              items:
              - {apiVersion: enmasse.io/v1beta1, kind: AddressSpace, metadata: {name: Bad_Name, namespace: team1}, spec: {type: standard, plan: no-such-plan}}
            - apiVersion: enmasse.io/v1beta1
              kind: AddressSpaceList
              items:
              - {kind: List, apiVersion: v1, items: [{apiVersion: enmasse.io/v1beta1, kind: AddressSpace, metadata: {name: inner, namespace: team1}, spec: {type: standard, plan: standard-small}}]}
            """;
        var read = DocumentLoader.LoadText("nested.yaml", Nested);

        var result = BatchValidator.Validate(TestEngine.Shipped, [read], [], "team1");

        Assert.Equal(["Bad_Name", "inner"], result.Resources.Select(r => r.Resource.Name));
        Assert.Contains(result.Findings, f => f.Rule == RuleIds.AddressSpaceName && f.Line == 7);
    }

    [Fact]
    public async Task Comparing_an_object_with_its_stored_version_is_linear_in_its_depth()
    {
        // Found by the review fuzz: comparing mappings both ways at every level doubled the work per level.
        static (Node A, Node B) Nested(int depth)
        {
            var text = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 200 });
            return (JsonElementConverter.ToNode(document.RootElement), JsonElementConverter.ToNode(document.RootElement));
        }

        var run = Task.Run(() => Work.AssertLinear(Nested, pair => Assert.True(NodeEquality.Same(pair.A, pair.B)), small: 12, factor: 8, slack: 4));
        // A minute is far beyond what a linear comparison needs; the timeout says it hangs.
        await run.WaitAsync(TimeSpan.FromSeconds(60));
    }
}

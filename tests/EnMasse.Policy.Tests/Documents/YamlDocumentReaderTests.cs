using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Documents;

public sealed class YamlDocumentReaderTests
{
    [Fact]
    public void Positions_are_one_based_at_the_value_and_the_key()
    {
        var read = YamlDocumentReader.Read("a.yaml", "kind: Address\nspec:\n  plan: small\n");
        var root = (MappingNode)Assert.Single(read.Documents).Root;
        var spec = (MappingNode)root.Get("spec")!;
        var plan = (ScalarNode)spec.Get("plan")!;
        Assert.Equal(new Position(3, 9), plan.Start);
        Assert.Equal(new Position(3, 3), plan.KeyStart);
        Assert.Equal(new Position(2, 1), spec.KeyStart);
        Assert.Equal("spec.plan", plan.Path);
    }

    [Fact]
    public void Multi_document_streams_give_one_document_each()
    {
        var read = YamlDocumentReader.Read("a.yaml", "a: 1\n---\nb: 2\n---\nc: 3\n");
        Assert.Equal(3, read.Documents.Count);
        Assert.Equal(new Position(5, 1), ((MappingNode)read.Documents[2].Root).Entries[0].KeyStart);
    }

    [Fact]
    public void Sequence_items_get_indexed_paths()
    {
        var read = YamlDocumentReader.Read("a.yaml", "spec:\n  endpoints:\n    - name: a\n    - name: b\n");
        var root = (MappingNode)read.Documents[0].Root;
        var second = ((SequenceNode)((MappingNode)root.Get("spec")!).Get("endpoints")!).Items[1];
        Assert.Equal("spec.endpoints[1]", second.Path);
        Assert.Equal(new Position(4, 7), second.Start);
    }

    [Fact]
    public void Keys_with_dots_and_slashes_are_quoted_in_paths()
    {
        var read = YamlDocumentReader.Read("a.yaml", "metadata:\n  annotations:\n    enmasse.io/x: y\n");
        var root = (MappingNode)read.Documents[0].Root;
        var annotations = (MappingNode)((MappingNode)root.Get("metadata")!).Get("annotations")!;
        Assert.Equal("metadata.annotations[\"enmasse.io/x\"]", annotations.Entries[0].Value.Path);
    }

    [Theory]
    [InlineData("v: yes", ScalarType.Bool)]
    [InlineData("v: Off", ScalarType.Bool)]
    [InlineData("v: 'yes'", ScalarType.String)]
    [InlineData("v: 42", ScalarType.Int)]
    [InlineData("v: 0x1F", ScalarType.Int)]
    [InlineData("v: 4.5e3", ScalarType.Float)]
    [InlineData("v: .inf", ScalarType.Float)]
    [InlineData("v: \"42\"", ScalarType.String)]
    [InlineData("v: ~", ScalarType.Null)]
    [InlineData("v:", ScalarType.Null)]
    [InlineData("v: !!str 42", ScalarType.String)]
    [InlineData("v: 1.2.3", ScalarType.String)]
    [InlineData("v: standard-small", ScalarType.String)]
    public void Plain_scalars_resolve_as_kubectl_resolves_them(string yaml, ScalarType expected)
    {
        var root = (MappingNode)YamlDocumentReader.Read("a.yaml", yaml).Documents[0].Root;
        Assert.Equal(expected, ((ScalarNode)root.Get("v")!).Type);
    }

    [Fact]
    public void A_repeated_key_is_reported_at_the_second_copy_and_the_last_copy_is_kept()
    {
        var read = YamlDocumentReader.Read("a.yaml", "spec:\n  plan: a\n  type: queue\n  plan: b\n");
        var document = Assert.Single(read.Documents);
        var problem = Assert.Single(document.Problems);
        Assert.Equal(RuleIds.YamlDuplicateKey, problem.Rule);
        Assert.Equal("spec.plan", problem.Path);
        Assert.Equal(new Position(4, 3), problem.Position);
        Assert.Contains("first at line 2", problem.Message, StringComparison.Ordinal);
        var spec = (MappingNode)((MappingNode)document.Root).Get("spec")!;
        Assert.Equal("b", ((ScalarNode)spec.Get("plan")!).Value);
    }

    [Fact]
    public void A_syntax_error_is_a_finding_at_the_parser_position_and_earlier_documents_are_kept()
    {
        var read = YamlDocumentReader.Read("a.yaml", "a: 1\n---\nb: [1, 2\nc: 3\n");
        Assert.Single(read.Documents);
        var finding = Assert.Single(read.FileFindings);
        Assert.Equal(RuleIds.YamlSyntax, finding.Rule);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("a.yaml", finding.File);
        Assert.True(finding.Line >= 3, $"line {finding.Line}");
        Assert.StartsWith("not well-formed YAML", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_stopped_with_a_finding()
    {
        var bomb = new System.Text.StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            var prev = (char)('a' + i - 1);
            var name = (char)('a' + i);
            bomb.Append(name).Append(": &").Append(name).Append(" [");
            bomb.Append(string.Join(", ", Enumerable.Repeat("*" + prev, 10)));
            bomb.Append("]\n");
        }

        var read = YamlDocumentReader.Read("bomb.yaml", bomb.ToString());
        var finding = Assert.Single(read.FileFindings);
        Assert.Equal(RuleIds.YamlSyntax, finding.Rule);
        Assert.Contains("too many aliases", finding.Message, StringComparison.Ordinal);
        Assert.Empty(read.Documents);
    }

    [Fact]
    public void A_few_aliases_are_fine_and_share_their_anchor()
    {
        var read = YamlDocumentReader.Read("a.yaml", "base: &b { type: queue }\ncopy: *b\n");
        var root = (MappingNode)Assert.Single(read.Documents).Root;
        Assert.Same(root.Get("base"), root.Get("copy"));
    }

    [Fact]
    public void An_unknown_alias_is_a_finding()
    {
        var read = YamlDocumentReader.Read("a.yaml", "a: *nothing\n");
        Assert.Equal(RuleIds.YamlSyntax, Assert.Single(read.FileFindings).Rule);
    }

    [Fact]
    public void Merge_keys_add_what_the_mapping_does_not_say_itself()
    {
        var read = YamlDocumentReader.Read("a.yaml", "base: &b { type: queue, plan: small }\nspec:\n  <<: *b\n  plan: large\n");
        var spec = (MappingNode)((MappingNode)read.Documents[0].Root).Get("spec")!;
        Assert.Equal("large", ((ScalarNode)spec.Get("plan")!).Value);
        Assert.Equal("queue", ((ScalarNode)spec.Get("type")!).Value);
        Assert.Null(spec.Get("<<"));
    }

    [Fact]
    public void Deep_nesting_is_stopped_at_the_limit_with_its_position()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var read = YamlDocumentReader.Read("deep.yaml", "a: " + deep);
        var finding = Assert.Single(read.FileFindings);
        Assert.Contains("deeper than 100", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, finding.Line);
    }

    [Fact]
    public void A_non_scalar_key_is_a_finding_not_an_exception()
    {
        var read = YamlDocumentReader.Read("a.yaml", "? [a, b]\n: c\n");
        Assert.Equal(RuleIds.YamlSyntax, Assert.Single(read.FileFindings).Rule);
    }

    [Fact]
    public void Fifty_thousand_documents_within_the_size_limit_are_all_read()
    {
        var text = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"---\nkind: Address\nmetadata: {{ name: s.a{i} }}\n"));
        var read = YamlDocumentReader.Read("a.yaml", text);
        Assert.Empty(read.FileFindings);
        Assert.Equal(50_000, read.Documents.Count);
        Assert.Equal("s.a49999", ((ScalarNode)((MappingNode)((MappingNode)read.Documents[^1].Root).Get("metadata")!).Get("name")!).Value);
    }

    [Fact]
    public void An_empty_file_has_no_documents_and_no_findings()
    {
        var read = YamlDocumentReader.Read("a.yaml", "# only a comment\n");
        Assert.Empty(read.FileFindings);
        Assert.All(read.Documents, d => Assert.True(d.Root is ScalarNode { IsNull: true }));
    }

    [Theory]
    [InlineData("kind: Address\nspec:\n  plan: a\n\ttype: queue\n", 4)]
    [InlineData("kind: Address\nspec:\n  plan: a\n  type: queue\nmetadata:\n\tname: x\n  namespace: y\n", 6)]
    public void A_tab_is_reported_at_its_own_line_with_a_hint(string yaml, int line)
    {
        var finding = Assert.Single(YamlDocumentReader.Read("t.yaml", yaml).FileFindings);
        Assert.Equal((line, 1), (finding.Line, finding.Column));
        Assert.Contains("a tab indents this line, and YAML indents with spaces only", finding.Message, StringComparison.Ordinal);
    }
}

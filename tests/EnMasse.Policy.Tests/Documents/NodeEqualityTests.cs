using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Tests.Documents;

public sealed class NodeEqualityTests
{
    private static Node Yaml(string text) => TestEngine.Single(text).Root;

    [Fact]
    public void Positions_and_key_order_do_not_count_list_order_and_types_do()
    {
        Assert.True(NodeEquality.Same(Yaml("a: 1\nb: [x, y]\n"), Yaml("# moved\nb:\n  - x\n  - y\na: 1\n")));
        Assert.False(NodeEquality.Same(Yaml("b: [x, y]\n"), Yaml("b: [y, x]\n")));
        Assert.False(NodeEquality.Same(Yaml("a: 1\n"), Yaml("a: \"1\"\n")));
        Assert.False(NodeEquality.Same(Yaml("a: 1\n"), Yaml("a: 1\nb: 2\n")));
        Assert.True(NodeEquality.Same(null, null));
        Assert.False(NodeEquality.Same(Yaml("a: 1\n"), null));
    }

    [Fact]
    public void A_repeated_key_does_not_make_two_mappings_look_alike()
    {
        var repeated = TestEngine.Single("a: 1\na: 2\n").Root;
        Assert.False(NodeEquality.Same(repeated, Yaml("a: 1\nb: 2\n")));
        Assert.False(NodeEquality.Same(Yaml("a: 1\nb: 2\n"), repeated));
    }

    [Fact]
    public void Large_mappings_are_compared_by_key_and_still_see_a_difference()
    {
        var keys = Enumerable.Range(0, 50_000).Select(i => $"k{i}: {i}").ToList();
        var a = Yaml(string.Join("\n", keys) + "\n");
        var b = Yaml(string.Join("\n", Enumerable.Reverse(keys)) + "\n");
        Assert.True(NodeEquality.Same(a, b));
        keys[25_000] = "k25000: changed";
        Assert.False(NodeEquality.Same(a, Yaml(string.Join("\n", keys) + "\n")));
    }

    [Fact]
    public void Every_node_is_found_by_its_path()
    {
        var index = NodeEquality.ByPath(Yaml("spec:\n  endpoints:\n    - { name: m, cert: { provider: x } }\n"));
        Assert.Equal("x", Assert.IsType<ScalarNode>(index["spec.endpoints[0].cert.provider"]).Value);
        Assert.False(index.ContainsKey("spec.endpoints[1]"));
    }
}

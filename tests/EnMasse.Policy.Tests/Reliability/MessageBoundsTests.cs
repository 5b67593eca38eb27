using EnMasse.Policy.Naming;
using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Reliability;

/// <summary>
/// Every value that reaches a message is bounded and printable (reliability review D3, D15):
/// "did you mean" compares only candidates of plausible length, an echoed value is cut with a
/// visible marker, and control characters are written as escapes.
/// </summary>
public sealed class MessageBoundsTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public void Did_you_mean_on_a_megabyte_value_allocates_nothing_in_proportion_to_it()
    {
        var input = new string('q', MiB);
        string[] candidates = ["standard-small-queue", "standard-medium-queue", "standard-large-queue"];
        NearestName.Find("warm", candidates);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var nearest = NearestName.Find(input, candidates);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(nearest);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void A_megabyte_plan_name_is_echoed_cut_with_a_marker()
    {
        var plan = new string('x', MiB);
        var finding = TestEngine.Check(Addresses.Address(plan: plan)).One(RuleIds.AddressPlan);

        Assert.True(finding.Message.Length < 4096, $"message of {finding.Message.Length} characters");
        Assert.Contains("(+", finding.Message, StringComparison.Ordinal);
        Assert.Contains("characters)", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("address plan \"xxxx", finding.Message, StringComparison.Ordinal);
        Assert.Contains("is not published", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_megabyte_field_name_is_cut_in_the_message_and_the_path()
    {
        var key = new string('k', MiB);
        var finding = TestEngine.Check(Addresses.Address(extra: $"  ? {key}\n  : 1")).One(RuleIds.SchemaUnknownField);

        Assert.True(finding.Message.Length < 4096, $"message of {finding.Message.Length} characters");
        Assert.True(finding.Path.Length < 1024, $"path of {finding.Path.Length} characters");
    }

    [Fact]
    public void Control_characters_in_a_value_are_escaped_so_a_finding_stays_one_line()
    {
        var finding = TestEngine.Check(Addresses.Address(plan: "\"x\\n\\e]0;title\\a\\ty\\u202e\"")).One(RuleIds.AddressPlan);

        Assert.DoesNotContain(finding.Message, c => char.IsControl(c) || c == '\u202e');
        Assert.Contains("x\\n\\u001b]0;title\\u0007\\ty\\u202e", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_a_name_are_escaped_in_the_finding()
    {
        var finding = TestEngine.Check(Addresses.Address(name: "\"myspace.q\\r\\nforged\"", plan: "gold")).One(RuleIds.AddressPlan);

        Assert.DoesNotContain(finding.Name!, char.IsControl);
        Assert.Equal("myspace.q\\r\\nforged", finding.Name);
    }
}

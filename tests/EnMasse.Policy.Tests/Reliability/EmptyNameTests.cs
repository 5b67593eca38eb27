using EnMasse.Policy.Tests.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Reliability;

/// <summary>An object kubectl refuses for want of a name is not clean here either (reliability review D18).</summary>
public sealed class EmptyNameTests
{
    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("NULL")]
    public void An_address_space_with_an_empty_or_null_name_is_denied_at_the_name(string name)
    {
        var decision = TestEngine.Check(Spaces.Space(name: name));

        Assert.False(decision.Allowed);
        decision.One(RuleIds.AddressSpaceName).At("metadata.name", 4, 9);
    }

    [Fact]
    public void An_address_space_with_generate_name_is_not_denied_for_its_missing_name() =>
        TestEngine.Check(Spaces.Space(name: "null\n  generateName: space-")).None(RuleIds.AddressSpaceName);
}

using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Tests.Rules;

/// <summary>Name limits: Kubernetes' object and namespace names, EnMasse's 60 characters per part (ground truth §1, §3).</summary>
public sealed class NameLimitRulesTests
{
    [Fact]
    public void Each_dot_separated_part_of_an_address_name_has_at_most_60_characters()
    {
        TestEngine.Check(Addresses.Address(name: "myspace." + new string('q', 60))).None(RuleIds.AddressName);
        TestEngine.Check(Addresses.Address(name: "myspace.orders." + new string('q', 60))).None(RuleIds.AddressName);
        var finding = TestEngine.Check(Addresses.Address(name: "myspace.orders." + new string('q', 61))).One(RuleIds.AddressName);
        Assert.Contains("has 61 characters; EnMasse allows at most 60 in each dot-separated part of an Address name", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("standard.small.queue")]
    [InlineData("results.results-client.1")]
    [InlineData("myspace.queues.q1")]
    public void Three_part_names_pass(string name) => TestEngine.Check(Addresses.Address(name: name)).None(RuleIds.AddressName);

    [Theory]
    [InlineData("myspace.Queue1")]
    [InlineData("myspace.q_1")]
    [InlineData("myspace.q1-")]
    [InlineData("myspace..q1")]
    public void An_address_name_is_a_kubernetes_object_name(string name) =>
        Assert.Contains("not a valid Kubernetes object name", TestEngine.Check(Addresses.Address(name: name)).One(RuleIds.AddressName).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("Team1")]
    [InlineData("team.1")]
    public void The_namespace_is_a_dns_label(string @namespace)
    {
        var yaml = Spaces.Space().Replace("metadata:\n", $"metadata:\n  namespace: {@namespace}\n", StringComparison.Ordinal);
        var finding = TestEngine.Check(yaml).One(RuleIds.AddressSpaceName);
        finding.At("metadata.namespace", 4, 14);
        Assert.Contains($"namespace \"{@namespace}\" is not a valid namespace name", finding.Message, StringComparison.Ordinal);
    }
}

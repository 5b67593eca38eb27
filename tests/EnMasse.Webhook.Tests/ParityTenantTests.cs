using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;
using EnMasse.Webhook.Serving;

namespace EnMasse.Webhook.Tests;

/// <summary>
/// The tenant entitlements through both doors: a webhook serving <see cref="TenantWorld.Policy"/>
/// with the world as its --catalog, and the CLI's path over the same policy and world.
/// </summary>
public sealed class ParityTenantTests : IAsyncLifetime
{
    private ParityDoors _doors = null!;

    public static TheoryData<ParityCase> Cases => new(ParityTenantCases.All);

    public async Task InitializeAsync() => _doors = await ParityDoors.StartAsync(TenantWorld.Objects, TenantWorld.Policy);

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task The_cli_path_and_the_webhook_agree(ParityCase testCase) => _doors.AssertAgreeAsync(testCase);

    /// <summary>The quota's message names the limit, the count and, in each door's own words, where the count comes from.</summary>
    [Fact]
    public async Task Each_door_says_where_its_count_comes_from()
    {
        var over = ParityTenantCases.All.Single(c => c.Name == "tenant address over maxAddresses");

        var cli = Assert.Single(_doors.Cli(over).Findings, f => f.Rule == RuleIds.TenantQuota);
        Assert.Equal(
            "address space \"web-shop\" of namespace \"team-web\" would hold 3 addresses (this one and 2 in the checked files and --catalog); maxAddresses of spec.tenants[1] (team-*) is 2. Remove one first, or ask the platform team to raise the limit",
            cli.Message);

        var webhook = await _doors.WebhookAsync(over);
        Assert.Equal(
            "[tenant.quota] metadata.name: address space \"web-shop\" of namespace \"team-web\" would hold 3 addresses (this one and 2 in the webhook's --catalog files); maxAddresses of spec.tenants[1] (team-*) is 2. Remove one first, or ask the platform team to raise the limit",
            Assert.Single(webhook.Errors));
        Assert.Contains(PolicySources.FilesOrigin, webhook.Errors[0], StringComparison.Ordinal);
        Assert.Contains(OfflineCheck.Origin, cli.Message, StringComparison.Ordinal);
    }
}

namespace EnMasse.Webhook.Tests;

/// <summary>The cluster catalogue source against a local server speaking the API's list/watch wire format (no API server runs here).</summary>
public sealed class ClusterCatalogTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string Space(string name) =>
        """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"NAME","namespace":"team1"},"spec":{"type":"standard","plan":"standard-small"}}""".Replace("NAME", name, StringComparison.Ordinal);

    private static string Queue(string space) =>
        """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"SPACE.q1","namespace":"team1"},"spec":{"address":"q1","type":"queue","plan":"standard-small-queue"}}""".Replace("SPACE", space, StringComparison.Ordinal);

    [Fact]
    public async Task Wire_format_server_list_then_watch_feeds_the_catalogue_and_a_410_relists()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Put("addressspaces", Space("listed"));
        await using var server = await WebhookServer.StartAsync(kubernetes: api.Address);

        await api.Watching("addressspaces").WaitAsync(Wait);
        Assert.Equal("ready", await server.Client.GetStringAsync("/readyz"));
        Assert.True(await Knows(server, Queue("listed")));
        Assert.False(await Knows(server, Queue("late")));

        // ADDED through the watch.
        var added = Published(server);
        api.Send("addressspaces", "ADDED", Space("late"));
        await added.WaitAsync(Wait);
        Assert.True(await Knows(server, Queue("late")));

        // DELETED through the watch.
        var deleted = Published(server);
        api.Send("addressspaces", "DELETED", Space("listed"));
        await deleted.WaitAsync(Wait);
        Assert.False(await Knows(server, Queue("listed")));

        // 410 Gone: the feed lists again and resumes watching; state comes from the new list.
        var lists = api.ListCount("addressspaces");
        api.Put("addressspaces", Space("relisted"));
        var relisted = Published(server);
        api.Expire("addressspaces");
        await relisted.WaitAsync(Wait);
        await api.Watching("addressspaces").WaitAsync(Wait);
        Assert.True(api.ListCount("addressspaces") > lists);
        Assert.True(await Knows(server, Queue("relisted")));
        Assert.True(await Knows(server, Queue("late")));
    }

    [Fact]
    public async Task A_list_longer_than_a_page_is_read_page_by_page_and_whole()
    {
        await using var api = await FakeApiServer.StartAsync();
        for (var i = 0; i < 1_203; i++)
        {
            api.Put("addressspaces", Space($"s{i:D4}"));
        }

        await using var server = await WebhookServer.StartAsync(kubernetes: api.Address);
        await api.Watching("addressspaces").WaitAsync(Wait);

        Assert.Equal(1, api.ListCount("addressspaces"));
        Assert.Equal(3, api.PageCount("addressspaces"));
        Assert.True(await Knows(server, Queue("s0000")));
        Assert.True(await Knows(server, Queue("s1202")));
        Assert.Equal(1_203, server.Policy.Current!.Catalog.AddressSpaceCount("team1"));
    }

    [Fact]
    public async Task A_cluster_object_deleted_falls_back_to_the_catalog_file_version()
    {
        await using var api = await FakeApiServer.StartAsync();
        const string File = """
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata: { name: fromfile, namespace: team1 }
            spec: { type: standard, plan: standard-small }
            """;
        await using var server = await WebhookServer.StartAsync(File, kubernetes: api.Address);
        await api.Watching("addressspaces").WaitAsync(Wait);
        Assert.Equal("standard-small", server.Policy.Current!.Catalog.AddressSpace("team1", "fromfile")!.Plan);

        var added = Published(server);
        api.Send("addressspaces", "ADDED", Space("fromfile").Replace("standard-small", "standard-medium", StringComparison.Ordinal));
        await added.WaitAsync(Wait);
        Assert.Equal("standard-medium", server.Policy.Current!.Catalog.AddressSpace("team1", "fromfile")!.Plan);

        var deleted = Published(server);
        api.Send("addressspaces", "DELETED", Space("fromfile"));
        await deleted.WaitAsync(Wait);
        Assert.Equal("standard-small", server.Policy.Current!.Catalog.AddressSpace("team1", "fromfile")!.Plan);
        Assert.True(await Knows(server, Queue("fromfile")));
    }

    [Fact]
    public async Task A_subscriber_that_throws_neither_stops_the_feed_nor_the_subscribers_after_it()
    {
        await using var api = await FakeApiServer.StartAsync();
        await using var server = await WebhookServer.StartAsync(kubernetes: api.Address);
        await api.Watching("addressspaces").WaitAsync(Wait);
        var calls = 0;
        server.Feed.Published += _ =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("a subscriber's bug");
        };
        var first = Published(server);
        api.Send("addressspaces", "ADDED", Space("first"));
        await first.WaitAsync(Wait);

        var second = Published(server);
        api.Send("addressspaces", "ADDED", Space("second"));
        await second.WaitAsync(Wait);
        Assert.True(await Knows(server, Queue("second")));
        Assert.True(Volatile.Read(ref calls) >= 2);
    }

    [Fact]
    public async Task Wire_format_server_not_reachable_keeps_the_server_unready_but_answering()
    {
        await using var api = await FakeApiServer.StartAsync();
        var gone = api.Address;
        await api.DisposeAsync();
        await using var server = await WebhookServer.StartAsync(kubernetes: gone);
        using var response = await server.Client.GetAsync("/readyz");
        Assert.Equal(503, (int)response.StatusCode);
        Assert.Contains("first list", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await Knows(server, Queue("listed")));
    }

    /// <summary>
    /// tenant.quota counts what the watch has delivered: the shipped policy allows one address
    /// space per sandbox-* namespace, and the verdict on a second follows the cluster's events.
    /// </summary>
    [Fact]
    public async Task A_quota_counts_the_cluster_as_the_watch_last_saw_it()
    {
        const string Existing = """{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"name":"sandbox-a","namespace":"sandbox-alice"},"spec":{"type":"standard","plan":"standard-small"}}""";
        var second = Reviews.For(Existing.Replace("sandbox-a\"", "sandbox-b\"", StringComparison.Ordinal), ns: "sandbox-alice");
        await using var api = await FakeApiServer.StartAsync();
        api.Put("addressspaces", Existing);
        await using var server = await WebhookServer.StartAsync(kubernetes: api.Address);
        await api.Watching("addressspaces").WaitAsync(Wait);

        var (_, denied, _) = await server.PostAsync("/validate", second);
        var response = denied!.Value.GetProperty("response");
        Assert.False(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(
            "[tenant.quota] metadata.name: namespace \"sandbox-alice\" would hold 2 address spaces (this one and 1 in the cluster, as the webhook last saw it); maxAddressSpaces of spec.tenants[0] (sandbox-*) is 1. Remove one first, or ask the platform team to raise the limit",
            response.GetProperty("status").GetProperty("message").GetString());

        var deleted = Published(server);
        api.Send("addressspaces", "DELETED", Existing);
        await deleted.WaitAsync(Wait);
        var (_, allowed, _) = await server.PostAsync("/validate", second);
        Assert.True(allowed!.Value.GetProperty("response").GetProperty("allowed").GetBoolean());
    }

    private static Task Published(WebhookServer server)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Feed.Published += resource =>
        {
            if (resource.StartsWith("addressspaces", StringComparison.Ordinal))
            {
                done.TrySetResult();
            }
        };
        return done.Task;
    }

    /// <summary>
    /// Whether the webhook knows the Address's space: a missing one is an address.space warning at
    /// admission (it may come later in the same apply), so the answer is read from the warnings.
    /// </summary>
    private static async Task<bool> Knows(WebhookServer server, string objectJson)
    {
        var (_, review, _) = await server.PostAsync("/validate", Reviews.For(objectJson));
        var response = review!.Value.GetProperty("response");
        Assert.True(response.GetProperty("allowed").GetBoolean());
        var warnings = response.TryGetProperty("warnings", out var w) ? w.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        return !warnings.Any(x => x.StartsWith("[address.space]", StringComparison.Ordinal));
    }
}


using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EnMasse.Webhook.Tests;

public sealed class LogTests
{
    [Fact]
    public async Task No_log_line_carries_a_password_and_each_review_is_logged_at_debug_with_its_uid()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await WebhookServer.StartAsync(logging: builder => builder.AddProvider(new CollectingLogger(lines)).SetMinimumLevel(LogLevel.Debug));
        const string Secret = "s3cr3t-p4ssw0rd!";
        var user = """{"apiVersion":"user.enmasse.io/v1beta1","kind":"MessagingUser","metadata":{"name":"myspace.Teller"},"spec":{"username":"Teller","authentication":{"type":"password","password":"SECRET"}}}""".Replace("SECRET", Secret, StringComparison.Ordinal);
        await server.PostAsync("/validate", Reviews.For(user, uid: "uid-with-secret"));
        await server.PostAsync("/mutate", Reviews.For(user, uid: "uid-with-secret"));
        await server.PostAsync("/validate", "{\"password\": \"" + Secret + "\"");

        Assert.Contains(lines, l => l.Contains("uid=uid-with-secret", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_the_default_level_a_review_writes_no_log_line_and_the_counters_carry_it()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await WebhookServer.StartAsync(logging: builder => builder.AddProvider(new CollectingLogger(lines)));
        var queue = """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q9","namespace":"team1"},"spec":{"address":"q9","type":"queue","plan":"standard-small-queue"}}""";
        await server.PostAsync("/validate", Reviews.For(queue, uid: "uid-quiet"));

        Assert.DoesNotContain(lines, l => l.Contains("uid-quiet", StringComparison.Ordinal));
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("enmasse_admission_requests_total{webhook=\"validate\",kind=\"Address\",operation=\"CREATE\"", metrics, StringComparison.Ordinal);
    }

}

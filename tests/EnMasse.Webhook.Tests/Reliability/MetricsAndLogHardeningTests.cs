using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EnMasse.Webhook.Tests.Reliability;

/// <summary>Metric labels come from closed sets, and the log shows user text escaped and what the webhook answered (reliability review D5, D15, D18).</summary>
public sealed class MetricsAndLogHardeningTests
{
    private const string Denied = """{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"name":"myspace.q1","namespace":"team1"},"spec":{"address":"q1","type":"queue","plan":"standard-huge-queue"}}""";

    [Fact]
    public async Task Unknown_kinds_and_operations_are_counted_as_other()
    {
        await using var server = await WebhookServer.StartAsync();
        var kind = "K" + new string('k', 2000);
        var operation = "O" + new string('o', 1000);
        var review = Reviews.For(Denied.Replace("\"kind\":\"Address\"", $"\"kind\":\"{kind}\"", StringComparison.Ordinal)).Replace("\"operation\":\"CREATE\"", $"\"operation\":\"{operation}\"", StringComparison.Ordinal);

        var (status, _, _) = await server.PostAsync("/validate", review);

        Assert.Equal(200, status);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("kind=\"other\"", metrics, StringComparison.Ordinal);
        Assert.Contains("operation=\"other\"", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(kind, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(operation, metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mutating_webhook_records_the_verdict_it_answered()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await WebhookServer.StartAsync(logging: b => b.AddProvider(new CollectingLogger(lines)).SetMinimumLevel(LogLevel.Debug));

        var (_, review, _) = await server.PostAsync("/mutate", Reviews.For(Denied, uid: "uid-mutate"));

        Assert.True(review!.Value.GetProperty("response").GetProperty("allowed").GetBoolean());
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("webhook=\"mutate\",kind=\"Address\",operation=\"CREATE\",allowed=\"true\"", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("webhook=\"mutate\",kind=\"Address\",operation=\"CREATE\",allowed=\"false\"", metrics, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("uid=uid-mutate", StringComparison.Ordinal) && l.Contains("allowed=True", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_with_a_newline_and_an_escape_sequence_is_logged_escaped_on_one_line()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await WebhookServer.StartAsync(logging: b => b.AddProvider(new CollectingLogger(lines)).SetMinimumLevel(LogLevel.Debug));
        var review = Reviews.For(Denied, uid: "uid-forged").Replace("\"namespace\":\"team1\",\"operation\"", "\"namespace\":\"team1\",\"name\":\"q\\nInformation: forged \\u001b]0;x\\u0007\",\"operation\"", StringComparison.Ordinal);

        await server.PostAsync("/mutate", review);

        var line = Assert.Single(lines, l => l.Contains("uid=uid-forged", StringComparison.Ordinal));
        Assert.DoesNotContain(line, char.IsControl);
        Assert.Contains("q\\nInformation: forged \\u001b]0;x\\u0007", line, StringComparison.Ordinal);
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EnMasse.Webhook.Tests;

public sealed class LogTests
{
    [Fact]
    public async Task No_log_line_carries_a_password_and_each_review_is_logged_with_its_uid()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await WebhookServer.StartAsync(logging: builder => builder.AddProvider(new CollectingLogger(lines)));
        const string Secret = "s3cr3t-p4ssw0rd!";
        var user = """{"apiVersion":"user.enmasse.io/v1beta1","kind":"MessagingUser","metadata":{"name":"myspace.Teller"},"spec":{"username":"Teller","authentication":{"type":"password","password":"SECRET"}}}""".Replace("SECRET", Secret, StringComparison.Ordinal);
        await server.PostAsync("/validate", Reviews.For(user, uid: "uid-with-secret"));
        await server.PostAsync("/mutate", Reviews.For(user, uid: "uid-with-secret"));
        await server.PostAsync("/validate", "{\"password\": \"" + Secret + "\"");

        Assert.Contains(lines, l => l.Contains("uid=uid-with-secret", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }
}

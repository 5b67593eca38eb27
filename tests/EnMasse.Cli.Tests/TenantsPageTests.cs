using System.Text.RegularExpressions;

namespace EnMasse.Cli.Tests;

/// <summary>
/// docs/tenants.md shows commands and what they print; this runs them. The page's policies are
/// its tagged blocks (```yaml two-teams, ```yaml shadowed) with the shipped plans; the tenant
/// files of the worked example are the ones the page describes.
/// </summary>
public sealed partial class TenantsPageTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "tenants.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private const string Payments = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: pay-orders
          namespace: payments
        spec:
          type: standard
          plan: standard-medium
        ---
        apiVersion: user.enmasse.io/v1beta1
        kind: MessagingUser
        metadata:
          name: pay-orders.checkout
          namespace: payments
        spec:
          username: checkout
          authentication:
            type: password
            password: Y2hlY2tvdXQtc2VjcmV0

        """;

    private const string TeamWeb = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: shop
          namespace: team-web
        spec:
          type: standard
          plan: standard-small
        ---
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: shop-events
          namespace: team-web
        spec:
          type: standard
          plan: standard-small
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata:
          name: shop.orders
          namespace: team-web
        spec:
          address: orders
          type: queue
          plan: standard-large-queue

        """;

    [Fact]
    public void The_worked_example_prints_what_the_page_shows()
    {
        using var run = Platform("two-teams");
        run.Write("payments/messaging.yaml", Payments);
        run.Write("team-web/messaging.yaml", TeamWeb);
        var (exit, output, _) = run.Run("validate", "payments", "team-web", "--policies", "platform");
        Assert.Equal(1, exit);
        Assert.Equal(Shown("validate-output", "$ enmasse-policy validate payments team-web --policies platform"), output);

        // The fix the page gives for the payments user.
        run.Write("payments/messaging.yaml", Payments.Replace("username: checkout", "username: system:serviceaccount:payments:checkout", StringComparison.Ordinal)
            .Replace("    type: password\n    password: Y2hlY2tvdXQtc2VjcmV0\n", "    type: serviceaccount\n", StringComparison.Ordinal));
        var (fixedExit, fixedOutput, _) = run.Run("validate", "payments", "--policies", "platform");
        Assert.True(fixedExit == 0, fixedOutput);
    }

    [Fact]
    public void The_shadowed_entry_is_refused_as_the_page_shows()
    {
        using var run = Platform("shadowed");
        var (exit, output, _) = run.Run("policy", "check", "platform");
        Assert.Equal(2, exit);
        Assert.Equal(Shown("check-output", "$ enmasse-policy policy check platform"), output);
    }

    /// <summary>A directory "platform" with the page's policy block and the shipped plans.</summary>
    private static CliRun Platform(string tag)
    {
        var run = new CliRun();
        run.WritePolicy("platform", Block("yaml", tag));
        return run;
    }

    /// <summary>The output of a ```text block, without its command line.</summary>
    private static string Shown(string tag, string command)
    {
        var text = Block("text", tag);
        Assert.StartsWith(command + "\n", text, StringComparison.Ordinal);
        return text[(command.Length + 1)..];
    }

    private static string Block(string language, string tag)
    {
        var match = Fenced().Matches(Page).FirstOrDefault(m => m.Groups["language"].Value == language && m.Groups["tag"].Value == tag);
        return match?.Groups["body"].Value ?? throw new Xunit.Sdk.XunitException($"docs/tenants.md has no ```{language} {tag} block");
    }

    [GeneratedRegex(@"^```(?<language>\w+) (?<tag>[\w-]+)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fenced();
}

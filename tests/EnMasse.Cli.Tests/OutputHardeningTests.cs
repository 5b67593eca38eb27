namespace EnMasse.Cli.Tests;

/// <summary>
/// A format never changes the exit code or what is found, whatever characters the input holds,
/// and no output shows a secret, a diff's context lines included (reliability review D1, D11, D15, D17).
/// </summary>
public sealed class OutputHardeningTests
{
    private static readonly string[] Formats = ["text", "json", "junit", "sarif", "github"];

    [Fact]
    public void Control_characters_in_a_value_leave_every_format_at_exit_1()
    {
        using var run = new CliRun();
        run.Write("j.yaml", "apiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata: {name: orders, namespace: team1}\nspec: {type: standard, plan: \"a\\x01b\\e]0;t\\a\"}\n");

        foreach (var format in Formats)
        {
            var (exit, output, error) = run.Run("validate", "j.yaml", "--output", format);
            Assert.True(exit == 1, $"{format}: exit {exit} {error}");
            Assert.DoesNotContain(output, c => c is '\u0001' or '\u001b' or '\u0007');
        }
    }

    [Fact]
    public void A_file_name_with_an_escape_character_leaves_junit_at_exit_1()
    {
        using var run = new CliRun();
        run.Write("bad\u001bname.yaml", "apiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata: {name: orders, namespace: team1}\nspec: {type: standard, plan: gold}\n");

        foreach (var format in Formats)
        {
            var (exit, output, error) = run.Run("validate", ".", "--output", format);
            Assert.True(exit == 1, $"{format}: exit {exit} {error}");
            Assert.DoesNotContain('\u001b', output);
        }
    }

    [Fact]
    public void The_password_leak_of_the_review_is_closed_in_every_format()
    {
        const string Password = "c2VjcmV0LXBhc3N3b3JkLTQy";
        using var run = new CliRun();
        run.Write("leak.yaml", $"apiVersion: user.enmasse.io/v1beta1\nkind: MessagingUser\nmetadata: {{name: orders.a, namespace: team1}}\nspec:\n  username: {Password}\n  authentication: {{type: password, password: {Password}}}\n");

        foreach (var format in Formats)
        {
            var (exit, output, _) = run.Run("validate", "leak.yaml", "--output", format);
            Assert.Equal(1, exit);
            Secrets.AssertAbsent(output, Password);
        }
    }

    [Fact]
    public void A_diff_never_shows_a_secret_as_context_or_change()
    {
        const string Key = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktjd2dnU2pBZ0VBQW9JQkFRQw==";
        using var run = new CliRun();
        run.Write("space.yaml", $"""
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata: {"{"}name: myspace, namespace: team1{"}"}
            spec:
              type: standard
              plan: standard-small
              endpoints:
                - name: messaging
                  service: messaging
                  cert:
                    provider: certBundle
                    tlsKey: {Key}
                    tlsCert: {Key}
            ---
            apiVersion: user.enmasse.io/v1beta1
            kind: MessagingUser
            metadata: {"{"}name: myspace.u1, namespace: team1{"}"}
            spec:
              username: u1
              authentication:
                type: password
                password: ab1
                Hunter2Hunter2: x
            """);

        var (exit, diff, _) = run.Run("mutate", "--diff", "space.yaml");

        Assert.Equal(0, exit);
        Assert.Contains("+  authenticationService:", diff, StringComparison.Ordinal);
        Secrets.AssertAbsent(diff, Key);
        Secrets.AssertAbsent(diff, "Hunter2Hunter2");
        Assert.DoesNotContain("password: ab1", diff, StringComparison.Ordinal);
    }
}

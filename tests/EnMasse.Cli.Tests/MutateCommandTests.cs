namespace EnMasse.Cli.Tests;

public sealed class MutateCommandTests
{
    [Fact]
    public void Mutate_prints_the_defaults_the_webhook_adds()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (exit, output, _) = run.Run("mutate", "space.yaml");
        Assert.Equal(0, exit);
        Assert.Contains("  endpoints:\n    - name: messaging\n      service: messaging\n      expose:\n        type: loadbalancer\n        loadBalancerPorts:\n          - amqps\n      cert:\n        provider: selfsigned\n"
            + "    - name: messaging-wss\n      service: messaging\n      expose:\n        type: loadbalancer\n        loadBalancerPorts:\n          - https\n      cert:\n        provider: selfsigned\n", output, StringComparison.Ordinal);
        Assert.Contains("  authenticationService:\n    name: standard-authservice\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutate_output_is_already_mutated()
    {
        using var run = new CliRun();
        run.Write("space.yaml", Files.Space);
        var (_, once, _) = run.Run("mutate", "space.yaml");
        run.Write("mutated.yaml", once);
        var (exit, diff, _) = run.Run("mutate", "--diff", "mutated.yaml");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, diff);
    }

    [Fact]
    public void Diff_shows_only_added_lines()
    {
        using var run = new CliRun();
        run.Write("queue.yaml", Files.GoodAddress.Replace("  address: queue1\n", string.Empty, StringComparison.Ordinal) + "\n");
        var (exit, diff, _) = run.Run("mutate", "--diff", "queue.yaml");
        Assert.Equal(0, exit);
        Assert.StartsWith("--- a/queue.yaml\n+++ b/queue.yaml\n@@ ", diff, StringComparison.Ordinal);
        Assert.Equal(["+  address: queue1"], diff.Split('\n').Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)));
        Assert.DoesNotContain(diff.Split('\n'), l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_without_enmasse_objects_is_printed_byte_for_byte()
    {
        using var run = new CliRun();
        const string text = "apiVersion: v1\nkind: ConfigMap   # keep me\nmetadata: { name: x }\ndata: { a: \"yes\", b: '42', c: \"x: y\", d: plain }\n";
        run.Write("x.yaml", text);
        var (exit, output, _) = run.Run("mutate", "x.yaml");
        Assert.Equal(0, exit);
        Assert.Equal(text, output);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_refused()
    {
        using var run = new CliRun();
        run.Write("bad.yaml", "a: [\n");
        Assert.Equal(2, run.Run("mutate", "bad.yaml").Exit);
    }
}

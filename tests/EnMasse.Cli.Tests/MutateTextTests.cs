using System.Diagnostics;

namespace EnMasse.Cli.Tests;

/// <summary>mutate writes only the defaults into the file's own text; --diff is a patch the real git applies.</summary>
public sealed class MutateTextTests
{
    private const string Flow = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: {name: shop, namespace: team3}   # comment
        spec: {type: standard, plan: standard-small}

        """;

    private const string ListFile = """
        # a list, kubectl's indentation
        apiVersion: v1
        kind: List
        items:
        - apiVersion: enmasse.io/v1beta1
          kind: Address
          metadata:
            name: shop.orders
            namespace: team3
          spec:
            type: queue   # the default goes below
            plan: standard-small-queue
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: {name: shop.events, namespace: team3}
        spec:
          type: topic
          plan: standard-small-topic

        """;

    [Fact]
    public void Block_style_gets_the_defaults_at_the_mappings_indentation_and_keeps_comments()
    {
        using var run = new CliRun();
        var text = "# team1's space\n" + Files.Space.Replace("  plan: standard-small", "  plan: standard-small   # sized for now", StringComparison.Ordinal) + "\n";
        run.Write("space.yaml", text);
        var (exit, output, _) = run.Run("mutate", "space.yaml");
        Assert.Equal(0, exit);
        Assert.Equal(
            text + "  authenticationService:\n    name: standard-authservice\n  endpoints:\n"
                + "    - name: messaging\n      service: messaging\n      expose:\n        type: loadbalancer\n        loadBalancerPorts:\n          - amqps\n      cert:\n        provider: selfsigned\n"
                + "    - name: messaging-wss\n      service: messaging\n      expose:\n        type: loadbalancer\n        loadBalancerPorts:\n          - https\n      cert:\n        provider: selfsigned\n",
            output);
    }

    [Fact]
    public void A_flow_mapping_gets_the_defaults_inside_its_braces()
    {
        using var run = new CliRun();
        run.Write("flow.yaml", Flow);
        var (_, output, _) = run.Run("mutate", "flow.yaml");
        Assert.Equal(
            Flow.Replace("spec: {type: standard, plan: standard-small}", "spec: {type: standard, plan: standard-small, authenticationService: {name: standard-authservice}, endpoints: [{name: messaging, service: messaging, expose: {type: loadbalancer, loadBalancerPorts: [amqps]}, cert: {provider: selfsigned}}, {name: messaging-wss, service: messaging, expose: {type: loadbalancer, loadBalancerPorts: [https]}, cert: {provider: selfsigned}}]}", StringComparison.Ordinal),
            output);
    }

    [Fact]
    public void Crlf_lists_and_multi_document_files_keep_their_form()
    {
        using var run = new CliRun();
        var crlf = (Files.GoodAddress.Replace("  address: queue1\n", string.Empty, StringComparison.Ordinal) + "\n").Replace("\n", "\r\n", StringComparison.Ordinal);
        run.Write("crlf.yaml", crlf);
        run.Write("list.yaml", ListFile);
        var (_, crlfOut, _) = run.Run("mutate", "crlf.yaml");
        Assert.Equal(crlf + "  address: queue1\r\n", crlfOut);
        var (_, listOut, _) = run.Run("mutate", "list.yaml");
        Assert.Equal(
            ListFile.Replace("    plan: standard-small-queue\n", "    plan: standard-small-queue\n    address: orders\n", StringComparison.Ordinal)
                .Replace("  plan: standard-small-topic\n", "  plan: standard-small-topic\n  address: events\n", StringComparison.Ordinal),
            listOut);
    }

    [Fact]
    public void A_json_file_gets_json()
    {
        using var run = new CliRun();
        run.Write("queue.json", "{\"apiVersion\": \"enmasse.io/v1beta1\", \"kind\": \"Address\", \"metadata\": {\"name\": \"shop.q\", \"namespace\": \"t\"}, \"spec\": {\"type\": \"queue\", \"plan\": \"standard-small-queue\"}}\n");
        var (_, output, _) = run.Run("mutate", "queue.json");
        Assert.Contains("\"plan\": \"standard-small-queue\", \"address\": \"q\"}}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_applies_with_git_and_write_gives_the_same_files()
    {
        using var run = new CliRun();
        Git(run, "init", "-q", ".");
        run.Write("flow.yaml", Flow);
        run.Write("list.yaml", ListFile);
        run.Write("space.yaml", Files.Space.Replace("\n", "\r\n", StringComparison.Ordinal));
        run.Write("noeol.yaml", Files.GoodAddress.Replace("  address: queue1\n", string.Empty, StringComparison.Ordinal));
        run.Write("done.yaml", Files.GoodAddress + "\n");
        var (exit, diff, _) = run.Run("mutate", "--diff", ".");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("done.yaml", diff, StringComparison.Ordinal);
        run.Write("defaults.patch", diff);
        var check = Git(run, "apply", "--check", "defaults.patch");
        Assert.True(check.Exit == 0, check.Error + "\n" + diff);

        // --write edits the files in place to exactly what the patch gives.
        var patched = new CliRun();
        foreach (var name in new[] { "flow.yaml", "list.yaml", "space.yaml", "noeol.yaml", "done.yaml" })
        {
            File.Copy(Path.Combine(run.Directory, name), Path.Combine(patched.Directory, name));
        }

        Assert.Equal(0, Git(run, "apply", "defaults.patch").Exit);
        var (writeExit, written, _) = patched.Run("mutate", "--write", ".");
        Assert.Equal(0, writeExit);
        Assert.Contains("flow.yaml: added spec.authenticationService, spec.endpoints", written, StringComparison.Ordinal);
        foreach (var name in new[] { "flow.yaml", "list.yaml", "space.yaml", "noeol.yaml", "done.yaml" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(run.Directory, name)), File.ReadAllText(Path.Combine(patched.Directory, name)));
        }

        // Written once, nothing is left to add.
        Assert.Equal(string.Empty, patched.Run("mutate", "--diff", ".").Out);
        patched.Dispose();
    }

    [Fact]
    public void Exit_code_says_whether_a_default_is_missing()
    {
        using var run = new CliRun();
        run.Write("done.yaml", Files.GoodAddress + "\n");
        Assert.Equal(0, run.Run("mutate", "--diff", "--exit-code", "done.yaml").Exit);
        run.Write("space.yaml", Files.Space + "\n");
        Assert.Equal(1, run.Run("mutate", "--diff", "--exit-code", ".").Exit);
        Assert.Equal(2, run.Run("mutate", "--diff", "--write", ".").Exit);
    }

    [Fact]
    public void A_secret_is_never_shown_as_diff_context()
    {
        using var run = new CliRun();
        const string key = "c2VjcmV0LWtleS1tYXRlcmlhbA==";
        run.Write("bundle.yaml", $"""
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata:
              name: shop
              namespace: team1
            spec:
              type: standard
              plan: standard-small
              endpoints:
                - name: messaging
                  service: messaging
                  cert:
                    provider: certBundle
                    tlsCert: Y2VydA==
                    tlsKey: {key}
                - name: mqtt
                  service: mqtt

            """);
        var (exit, diff, _) = run.Run("mutate", "--diff", "bundle.yaml");
        Assert.Equal(0, exit);
        Assert.Contains("+      cert:", diff, StringComparison.Ordinal);
        Assert.DoesNotContain(key, diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_refuses_standard_input()
    {
        using var run = new CliRun();
        var (exit, _, error) = run.RunWithInput(Files.Space, "mutate", "--write", "-");
        Assert.Equal(2, exit);
        Assert.Contains("standard input has no file to write", error, StringComparison.Ordinal);
        var (printExit, printed, _) = run.RunWithInput(Files.Space + "\n", "mutate", "-");
        Assert.Equal(0, printExit);
        Assert.StartsWith(Files.Space + "\n  authenticationService:", printed, StringComparison.Ordinal);
    }

    private static (int Exit, string Error) Git(CliRun run, params string[] args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = run.Directory, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}

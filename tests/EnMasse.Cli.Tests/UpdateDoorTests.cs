namespace EnMasse.Cli.Tests;

/// <summary>
/// The offline door of UPDATE semantics: a file's object found in --catalog is judged as an UPDATE
/// of it. A file whose spec is the stored one (the cluster already has it) is not judged, and
/// mutate adds nothing to it; the same file without --catalog is a CREATE.
/// </summary>
public sealed class UpdateDoorTests
{
    /// <summary>The stored space as kubectl get prints it: status written by EnMasse, and a plan unpublished since.</summary>
    private const string Stored = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: myspace
          namespace: team1
          finalizers: [enmasse.io/address-space-controller]
        spec:
          type: standard
          plan: gold
        status:
          isReady: false
          messages: ["Unknown address space plan 'gold'"]
        """;

    /// <summary>The tenant's file: the same spec, no status, no finalizers.</summary>
    private const string File = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: myspace
          namespace: team1
        spec:
          type: standard
          plan: gold

        """;

    [Fact]
    public void A_file_describing_the_stored_spec_is_neither_denied_nor_mutated()
    {
        using var run = new CliRun();
        run.Write("cluster.yaml", Stored);
        run.Write("space.yaml", File);
        var (exit, output, _) = run.Run("validate", "--catalog", "cluster.yaml", "space.yaml");
        Assert.True(exit == 0, output);
        Assert.Contains("0 errors, 0 warnings", output, StringComparison.Ordinal);
        var (mutateExit, diff, _) = run.Run("mutate", "--diff", "--catalog", "cluster.yaml", "space.yaml");
        Assert.Equal((0, string.Empty), (mutateExit, diff));
    }

    [Fact]
    public void Without_the_stored_object_the_same_file_is_a_create_denied_and_mutated()
    {
        using var run = new CliRun();
        run.Write("space.yaml", File);
        var (exit, output, _) = run.Run("validate", "space.yaml");
        Assert.Equal(1, exit);
        Assert.Contains("error addressspace.plan:", output, StringComparison.Ordinal);
        Assert.Contains("+  endpoints:", run.Run("mutate", "--diff", "space.yaml").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_elsewhere_keeps_the_stored_error_as_a_warning()
    {
        using var run = new CliRun();
        run.Write("cluster.yaml", Stored);
        run.Write("space.yaml", File + "  endpoints: [ { name: amqp, service: messaging } ]\n");
        var (exit, output, _) = run.Run("validate", "--catalog", "cluster.yaml", "space.yaml");
        Assert.True(exit == 0, output);
        Assert.Contains("warning addressspace.plan: already there before this update, not enforced: address space plan \"gold\"", output, StringComparison.Ordinal);
    }
}

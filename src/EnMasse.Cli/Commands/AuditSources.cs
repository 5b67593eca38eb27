using System.CommandLine;
using System.Text.Json;
using EnMasse.Cli.Cluster;
using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
using EnMasse.Cli.Repository;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;

namespace EnMasse.Cli.Commands;

/// <summary>
/// Where an audit's policy and objects come from: a policy directory, the built-in policy or the
/// webhook's ConfigMap ('cluster'); the objects from the cluster or from snapshot files (--catalog).
/// </summary>
internal sealed class AuditSources(ParseResult parsed, CliConsole console, ClusterOptions cluster)
{
    /// <summary>--policies cluster and --compare-to cluster: the policy the webhook enforces.</summary>
    public const string ClusterPolicy = "cluster";

    private readonly Lazy<(k8s.IKubernetes Client, string Description)> _connection = cluster.Connection(parsed, console);

    public (k8s.IKubernetes Client, string Description) Connection => _connection.Value;

    /// <summary>Loads a policy by the name the user gave it (null: as validate finds it); the bundle, how to name it, and a note, or the findings that stop the run.</summary>
    public (PolicyLoadResult Result, string Shown, Note? Note) Policy(string? option)
    {
        if (option == ClusterPolicy)
        {
            var pulled = cluster.ReadWebhookPolicy(parsed, Connection.Client);
            var note = pulled.Skipped.Count > 0
                ? Note.Warn($"{pulled.Source}: key{(pulled.Skipped.Count == 1 ? string.Empty : "s")} {string.Join(", ", pulled.Skipped.Take(5))} {(pulled.Skipped.Count == 1 ? "is" : "are")} neither policy.yaml nor plans.*, so not read")
                : null;
            return (PolicyLoader.Load(pulled.Files, pulled.Source), pulled.Source, note);
        }

        var (result, resolveNote) = PolicyResolver.Resolve(option, console.WorkingDirectory);
        var shown = option ?? (result.Bundle?.Source is "(built-in)" or null ? PolicySource.BuiltIn : "policies");
        return (result, shown, resolveNote);
    }

    /// <summary>The EnMasse objects of snapshot files, or the message that says why they cannot be read.</summary>
    public (IReadOnlyList<Resource>? Objects, string? Error) Snapshot(IReadOnlyList<string> paths)
    {
        var (files, error) = InputReader.Read(paths, console.In, console.WorkingDirectory);
        if (error is not null)
        {
            return (null, "--catalog " + error);
        }

        if (files.SelectMany(f => f.FileFindings).FirstOrDefault() is { } broken)
        {
            return (null, $"--catalog {TextFormatter.Location(broken)}: {broken.Message}");
        }

        // Each object on its own, as the API server would return it: paths from the object's root, not from a List's items[N].
        return ([.. files.SelectMany(f => Resource.AllIn(f, Resource.DefaultNamespace)).Select(r => Resource.From(JsonElementConverter.ToNode(JsonDocument.Parse(NodeJsonWriter.ToJson(r.Resource.Root)).RootElement), r.Resource.Namespace)).OfType<Resource>()], null);
    }

    /// <summary>Reads the cluster's tenant objects (all namespaces or one) and, unless the policy's plans alone decide, what EnMasse publishes in its infra namespace.</summary>
    public ClusterRead Read(string? tenantNamespace, string infraNamespace, bool published)
    {
        var reader = new ClusterReader(Connection.Client, parsed.GetValue(cluster.ChunkSize));
        IReadOnlyList<ApiResource> resources = published ? [.. ApiResource.Tenants, .. ApiResource.PublishedKinds] : ApiResource.Tenants;
        return reader.ReadAsync(resources, tenantNamespace, infraNamespace, CancellationToken.None).GetAwaiter().GetResult();
    }
}

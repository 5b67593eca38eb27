using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Schema;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Repository;

/// <summary>
/// The optional <c>.enmasse-policy.yaml</c> at a repository's root: what to check, what to leave
/// out, which policy and namespace. Its paths are made relative to the working directory here,
/// so the rest of the run never knows where a setting came from.
/// </summary>
internal sealed record RepositoryConfig(
    string? File,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Exclude,
    string? Policies,
    IReadOnlyList<string> Catalog,
    string? Namespace)
{
    public const string FileName = ".enmasse-policy.yaml";

    public static RepositoryConfig None { get; } = new(null, [], [], null, [], null);

    private static readonly Lazy<(string Json, CompiledSchema Compiled)> Schema = new(LoadSchema);

    /// <summary>The configuration's JSON Schema, for editors (<c>policy schema config</c>).</summary>
    public static string SchemaJson => Schema.Value.Json;

    /// <summary>
    /// The file named with --config, or the nearest .enmasse-policy.yaml from the working
    /// directory up to the repository's top (the first directory holding .git); none is fine.
    /// </summary>
    public static (RepositoryConfig? Config, string? Error, IReadOnlyList<Finding> Problems) Load(string? named, string workingDirectory)
    {
        var path = named is not null ? Path.GetFullPath(named, workingDirectory) : Find(workingDirectory);
        if (path is null)
        {
            return (None, null, []);
        }

        var shown = named ?? Path.GetRelativePath(workingDirectory, path).Replace('\\', '/');
        if (!System.IO.File.Exists(path))
        {
            return (null, $"--config {named}: no such file", []);
        }

        var read = InputReader.ReadFile(shown, path);
        var problems = new List<Finding>(read.FileFindings);
        var documents = read.Documents.Where(d => d.Root is not ScalarNode { IsNull: true }).ToList();
        if (problems.Count == 0 && documents is not [{ Root: MappingNode }])
        {
            problems.Add(Finding.ForFile(RuleIds.YamlSyntax, shown, "the configuration is one YAML mapping (see 'enmasse-policy policy schema config')"));
        }

        foreach (var document in documents)
        {
            var raw = new List<RawFinding>(document.Problems);
            SchemaWalker.Walk(document.Root, Schema.Value.Compiled, "configuration", raw, release: null);
            problems.AddRange(raw.Select(r => Finding.Of(r, Severity.Error, shown, kind: null, @namespace: null, name: null)));
        }

        if (problems.Count > 0)
        {
            return (null, null, problems);
        }

        var root = (MappingNode)documents[0].Root;
        var directory = Path.GetDirectoryName(path)!;
        IReadOnlyList<string> Paths(string key) => [.. NodeRead.Strings(NodeRead.List(root, key)).Select(t => Relative(t.Value, directory, workingDirectory))];
        var policies = NodeRead.String(root, "policies")?.Value;
        return (new RepositoryConfig(
            shown,
            Paths("paths"),
            [.. NodeRead.Strings(NodeRead.List(root, "exclude")).Select(t => t.Value)],
            policies is null or PolicySource.BuiltIn ? policies : Relative(policies, directory, workingDirectory),
            Paths("catalog"),
            NodeRead.String(root, "namespace")?.Value) { Directory = directory }, null, []);
    }

    /// <summary>The directory the exclude patterns are relative to: the configuration's, else the working directory.</summary>
    public string? Directory { get; init; }

    private static string? Find(string workingDirectory)
    {
        for (var dir = workingDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, FileName);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }

            if (System.IO.Directory.Exists(Path.Combine(dir, ".git")) || System.IO.File.Exists(Path.Combine(dir, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    private static string Relative(string value, string directory, string workingDirectory)
    {
        var full = Path.GetFullPath(value, directory);
        var relative = Path.GetRelativePath(workingDirectory, full).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    private static (string, CompiledSchema) LoadSchema()
    {
        using var stream = typeof(RepositoryConfig).Assembly.GetManifestResourceStream("RepositoryConfig.schema.json")
            ?? throw new InvalidOperationException("RepositoryConfig.schema.json is missing from the build");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        return (json.TrimEnd(), CompiledSchema.FromJson(json));
    }
}

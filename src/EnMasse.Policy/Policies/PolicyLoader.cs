using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Findings;
using EnMasse.Policy.Model;
using EnMasse.Policy.Schema;

namespace EnMasse.Policy.Policies;

/// <summary>
/// Loads a policy directory (policy.yaml and plans/) through the same readers and schema walker
/// as tenant files. Either every file is good and a bundle comes out, or findings do.
/// </summary>
public static class PolicyLoader
{
    public const string PolicyFileName = "policy.yaml";
    public const string PlansFolder = "plans/";
    private const string BuiltInPrefix = "builtin-policy/";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Reads a directory from disk; the only file-system access of policy loading.</summary>
    /// <param name="shownAs">How findings name the directory (the path the user typed); the directory itself by default.</param>
    public static PolicyLoadResult LoadDirectory(string directory, string? shownAs = null)
    {
        shownAs ??= directory;
        if (!Directory.Exists(directory))
        {
            return Fail(shownAs, $"policy directory \"{shownAs}\" does not exist");
        }

        var files = new List<PolicyFile>();
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (relative.Split('/').Any(s => s.StartsWith('.')) || !IsPolicyInput(relative))
            {
                continue;
            }

            files.Add(new PolicyFile(relative, Path.Combine(shownAs, relative).Replace('\\', '/'), File.ReadAllBytes(path)));
        }

        return Load(files, shownAs);
    }

    /// <summary>The shipped default policy, compiled into the engine from the project's policies/ folder.</summary>
    public static PolicyLoadResult BuiltIn()
    {
        var assembly = typeof(PolicyLoader).Assembly;
        var files = new List<PolicyFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(BuiltInPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var relative = name[BuiltInPrefix.Length..].Replace('\\', '/');
            files.Add(new PolicyFile(relative, "(built-in)/" + relative, buffer.ToArray()));
        }

        return Load(files, "(built-in)");
    }

    public static PolicyLoadResult Load(IReadOnlyList<PolicyFile> files, string source)
    {
        var findings = new List<Finding>();
        var policyFile = files.FirstOrDefault(f => f.RelativePath is PolicyFileName or "policy.yml");
        if (policyFile is null)
        {
            return Fail(source, $"{source} has no {PolicyFileName}: a policy directory needs one (kind AdmissionPolicy)");
        }

        var policyRoot = ReadPolicy(policyFile, findings);
        var policy = policyRoot is null ? null : PolicyBinder.Bind(policyRoot);

        var plans = new List<Resource>();
        foreach (var file in files.Where(f => f.RelativePath.StartsWith(PlansFolder, StringComparison.Ordinal)))
        {
            plans.AddRange(ReadPlans(file, policy?.InfraNamespace ?? AdmissionPolicy.Empty.InfraNamespace, findings));
        }

        var published = new CatalogBuilder().AddRange(plans).Build();
        if (policyRoot is not null && policy is not null && findings.Count == 0)
        {
            var consistency = new List<(string? File, RawFinding Finding)>();
            PolicyConsistency.Check(policyRoot, plans, published, policy, consistency);
            findings.AddRange(consistency.Select(c => ToFinding(c.Finding, c.File ?? policyFile.DisplayPath, "AdmissionPolicy", policy.Name)));
        }

        findings.Sort(Finding.Order);
        return findings.Count > 0 || policy is null
            ? new PolicyLoadResult(null, findings)
            : new PolicyLoadResult(new PolicyBundle(policy, published, source), []);
    }

    private static MappingNode? ReadPolicy(PolicyFile file, List<Finding> findings)
    {
        var read = DocumentLoader.Load(file.DisplayPath, file.Bytes);
        findings.AddRange(read.FileFindings);
        if (read.HasSyntaxError)
        {
            return null;
        }

        var documents = read.Documents.Where(d => d.Root is not ScalarNode { IsNull: true }).ToList();
        if (documents is not [{ Root: MappingNode root } document])
        {
            findings.Add(FileFinding(file.DisplayPath, $"{PolicyFileName} must hold exactly one AdmissionPolicy document, not {documents.Count}"));
            return null;
        }

        var raw = new List<RawFinding>(document.Problems);
        SchemaWalker.Walk(root, PolicySchemas.AdmissionPolicy, "AdmissionPolicy", raw, clusterObject: false);
        findings.AddRange(raw.Select(r => ToFinding(r, file.DisplayPath, "AdmissionPolicy", NodeRead.String(NodeRead.Map(root, "metadata"), "name")?.Value)));
        return raw.Count == 0 ? root : null;
    }

    private static IEnumerable<Resource> ReadPlans(PolicyFile file, string infraNamespace, List<Finding> findings)
    {
        var read = DocumentLoader.Load(file.DisplayPath, file.Bytes);
        findings.AddRange(read.FileFindings);
        foreach (var document in read.Documents)
        {
            if (document.Root is ScalarNode { IsNull: true })
            {
                continue;
            }

            var resource = Resource.From(document.Root, infraNamespace, file.DisplayPath);
            if (resource is null || resource.Kind.IsTenant())
            {
                var at = document.Root.Start;
                findings.Add(new Finding(PolicyIds.File, Severity.Error, "plans/ holds only operator kinds (AddressSpacePlan, AddressPlan, StandardInfraConfig, BrokeredInfraConfig, AuthenticationService of admin.enmasse.io)", file.DisplayPath, at.Line, at.Column, null, null, null, string.Empty));
                continue;
            }

            var raw = new List<RawFinding>(document.Problems);
            SchemaWalker.Walk(resource.Root, KindSchemas.For(resource.Kind.ToString())!, resource.Kind.ToString(), raw);
            findings.AddRange(raw.Select(r => ToFinding(r, file.DisplayPath, resource.Kind.ToString(), resource.Name)));
            if (resource.Name.Length == 0)
            {
                findings.Add(new Finding(PolicyIds.File, Severity.Error, $"a {resource.Kind} in plans/ needs metadata.name", file.DisplayPath, document.Root.Start.Line, document.Root.Start.Column, resource.Kind.ToString(), null, null, "metadata.name"));
            }

            yield return resource;
        }
    }

    private static bool IsPolicyInput(string relative) =>
        (relative is PolicyFileName or "policy.yml" || relative.StartsWith(PlansFolder, StringComparison.Ordinal))
        && Extensions.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static Finding ToFinding(RawFinding raw, string file, string kind, string? name) =>
        new(raw.Rule, Severity.Error, raw.Message, file, raw.Position.Line, raw.Position.Column, kind, null, name, raw.Path);

    private static Finding FileFinding(string file, string message) =>
        new(PolicyIds.File, Severity.Error, message, file, 1, 1, null, null, null, string.Empty);

    private static PolicyLoadResult Fail(string source, string message) => new(null, [FileFinding(source, message)]);
}

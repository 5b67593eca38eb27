using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Schema;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Loading;

/// <summary>
/// Loads a policy directory (policy.yaml and plans/) through the same readers and schema walker
/// as tenant files. Either every file is good and a bundle comes out, or findings do.
/// </summary>
public static class PolicyLoader
{
    public const string PolicyFileName = "policy.yaml";
    public const string PlansFolder = "plans/";
    private const string BuiltInPrefix = "builtin-policy/";

    /// <summary>Reads a directory from disk; the only file-system access of policy loading.</summary>
    /// <param name="shownAs">How findings name the directory (the path the user typed); the directory itself by default.</param>
    public static PolicyLoadResult LoadDirectory(string directory, string? shownAs = null)
    {
        shownAs ??= directory;
        var (files, problems) = ReadDirectory(directory, shownAs);
        return problems.Count > 0 ? new PolicyLoadResult(null, problems) : Load(files, shownAs);
    }

    /// <summary>The files of a policy directory the loader reads (policy.yaml and plans/), or the findings of those it cannot read.</summary>
    public static (IReadOnlyList<PolicyFile> Files, IReadOnlyList<Finding> Problems) ReadDirectory(string directory, string shownAs)
    {
        if (!Directory.Exists(directory))
        {
            return ([], Fail(shownAs, $"policy directory \"{shownAs}\" does not exist").Findings);
        }

        var files = new List<PolicyFile>();
        var unreadable = new List<Finding>();
        foreach (var path in InputReader.Walk(directory).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var outsideLink = Directory.Exists(path);
            if (!IsPolicyInput(relative) && !outsideLink)
            {
                continue;
            }

            var shown = Path.Combine(shownAs, relative).Replace('\\', '/');
            var (bytes, length, refusal) = InputReader.ReadBytes(path, DocumentLimits.Default.MaxFileBytes, within: directory);
            if (refusal is not null)
            {
                unreadable.Add(FileFinding(shown, refusal));
            }
            else if (bytes is null)
            {
                unreadable.AddRange(DocumentLoader.TooLarge(shown, length).FileFindings);
            }
            else
            {
                files.Add(new PolicyFile(relative, shown, bytes));
            }
        }

        return (files, unreadable);
    }

    /// <summary>The shipped default policy, compiled into the engine from the project's policies/ folder.</summary>
    public static PolicyLoadResult BuiltIn() => Load(BuiltInFiles(), "(built-in)");

    /// <summary>The files of the built-in policy, as a directory would hold them.</summary>
    public static IReadOnlyList<PolicyFile> BuiltInFiles()
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

        return files;
    }

    public static PolicyLoadResult Load(IReadOnlyList<PolicyFile> files, string source)
    {
        var findings = new List<Finding>();
        var policyFile = files.FirstOrDefault(f => f.RelativePath is PolicyFileName or "policy.yml");
        if (policyFile is null)
        {
            return Fail(source, $"{source} has no {PolicyFileName}: a policy directory needs one (kind AdmissionPolicy)");
        }

        if (files.Count(f => f.RelativePath is PolicyFileName or "policy.yml") > 1)
        {
            var other = files.First(f => f.RelativePath == "policy.yml");
            return new PolicyLoadResult(null, [FileFinding(other.DisplayPath, $"both {PolicyFileName} and policy.yml exist, and only one can be the policy: remove one")]);
        }

        var policyRoot = ReadPolicy(policyFile, findings);
        var document = policyRoot is null ? null : PolicyDocument.Bind(policyRoot);
        var policy = document is null ? null : PolicyBinder.Bind(document);

        var plans = new List<Resource>();
        foreach (var file in files.Where(f => f.RelativePath.StartsWith(PlansFolder, StringComparison.Ordinal)))
        {
            plans.AddRange(ReadPlans(file, policy ?? AdmissionPolicy.Empty, findings));
        }

        var published = new CatalogBuilder { KeepingObjects = true }.AddRange(plans).Build();
        if (document is not null && policy is not null && findings.Count == 0)
        {
            var consistency = new List<(string? File, RawFinding Finding)>();
            PolicyConsistency.Check(document, plans, published, policy, consistency);
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
        SchemaWalker.Walk(root, PolicySchemas.AdmissionPolicy, "AdmissionPolicy", raw, release: null);
        findings.AddRange(raw.Select(r => ToFinding(r, file.DisplayPath, "AdmissionPolicy", NodeRead.String(NodeRead.Map(root, "metadata"), "name")?.Value)));
        return raw.Count == 0 ? root : null;
    }

    private static IEnumerable<Resource> ReadPlans(PolicyFile file, AdmissionPolicy policy, List<Finding> findings)
    {
        var read = DocumentLoader.Load(file.DisplayPath, file.Bytes);
        findings.AddRange(read.FileFindings);
        foreach (var document in read.Documents)
        {
            if (document.Root is ScalarNode { IsNull: true })
            {
                continue;
            }

            var resource = Resource.From(document.Root, policy.InfraNamespace, file.DisplayPath);
            if (resource is null || resource.Kind.IsTenant())
            {
                var at = document.Root.Start;
                findings.Add(Finding.ForFile(PolicyIds.File, file.DisplayPath, "plans/ holds only operator kinds (AddressSpacePlan, AddressPlan, StandardInfraConfig, BrokeredInfraConfig, AuthenticationService of admin.enmasse.io)", at));
                continue;
            }

            var raw = new List<RawFinding>(document.Problems);
            SchemaWalker.Walk(resource.Root, KindSchemas.For(resource.Kind.ToString(), policy.EnMasseVersion)!, resource.Kind.ToString(), raw, policy.EnMasseVersion);
            findings.AddRange(raw.Select(r => ToFinding(r, file.DisplayPath, resource.Kind.ToString(), resource.Name)));
            if (resource.Name.Length == 0)
            {
                findings.Add(Finding.Of(new RawFinding(PolicyIds.File, "metadata.name", document.Root.Start, $"a {resource.Kind} in plans/ needs metadata.name"), Severity.Error, file.DisplayPath, resource.Kind.ToString(), @namespace: null, name: null));
            }

            yield return resource;
        }
    }

    private static bool IsPolicyInput(string relative) =>
        (relative is PolicyFileName or "policy.yml" || relative.StartsWith(PlansFolder, StringComparison.Ordinal))
        && InputReader.HasDocumentExtension(relative);

    private static Finding ToFinding(RawFinding raw, string file, string kind, string? name) =>
        Finding.Of(raw, Severity.Error, file, kind, @namespace: null, name);

    private static Finding FileFinding(string file, string message) => Finding.ForFile(PolicyIds.File, file, message);

    // About a directory, not a line of a file: no position (a 1:1 would point at a line that does not exist).
    private static PolicyLoadResult Fail(string source, string message) => new(null, [Finding.ForFile(PolicyIds.File, source, message, Position.None)]);
}

using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Schema;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Policies;

/// <summary>
/// A PolicyTest file, schema-checked and bound once with positions (the typed view of a suite,
/// as AddressObject is of an Address). <see cref="Catalog"/> and the cases' files are relative
/// to the suite's own directory.
/// </summary>
public sealed record PolicyTestSuite(string File, MappingNode Root, IReadOnlyList<Text> Catalog, IReadOnlyList<PolicyTestCase> Cases)
{
    public const string Kind = "PolicyTest";

    /// <summary>True when a read file holds a PolicyTest, or is broken (a broken file may have been meant as one).</summary>
    public static bool LooksLikeSuite(ReadResult file) =>
        file.FileFindings.Count > 0 || file.Documents.Any(d => d.Root is MappingNode root && NodeRead.String(root, "kind")?.Value == Kind);

    /// <summary>The suite, or the findings that say why the file is not a valid one.</summary>
    public static (PolicyTestSuite? Suite, IReadOnlyList<Finding> Problems) Read(ReadResult file)
    {
        var problems = new List<Finding>(file.FileFindings);
        var documents = file.Documents.Where(d => d.Root is MappingNode).ToList();
        if (problems.Count == 0 && documents.Count != 1)
        {
            problems.Add(Finding.ForFile(PolicyIds.File, file.File, "a suite file holds exactly one PolicyTest document"));
        }

        foreach (var document in documents)
        {
            var raw = new List<RawFinding>(document.Problems);
            SchemaWalker.Walk(document.Root, PolicySchemas.PolicyTest, Kind, raw, release: null);
            problems.AddRange(raw.Select(r => Finding.Of(r, Severity.Error, file.File, Kind, @namespace: null, name: null)));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var root = (MappingNode)documents[0].Root;
        var spec = NodeRead.Map(root, "spec");
        return (new PolicyTestSuite(
            file.File,
            root,
            NodeRead.Strings(NodeRead.List(spec, "catalog")),
            [.. NodeRead.Maps(NodeRead.List(spec, "cases")).Select(PolicyTestCase.Bind)]), []);
    }
}

/// <summary>One case of a suite: an object (inline or from a file), the operation, the stored version on UPDATE, and what is expected.</summary>
public sealed record PolicyTestCase(
    MappingNode Node,
    string Name,
    Operation Operation,
    EnforcementPoint Point,
    string Namespace,
    MappingNode? Object,
    Text? File,
    MappingNode? Old,
    Text? OldFile,
    bool ExpectAllowed,
    IReadOnlyList<string>? ExpectRules,
    IReadOnlyList<string>? ExpectExempted = null,
    string? SelectKind = null,
    string? SelectName = null)
{
    private static IReadOnlyList<string>? Ids(MappingNode? expect, string key) =>
        NodeRead.Has(expect, key) ? [.. NodeRead.Strings(NodeRead.List(expect, key)).Select(t => t.Value).Distinct().Order(StringComparer.Ordinal)] : null;

    public static PolicyTestCase Bind(MappingNode node)
    {
        var expect = NodeRead.Map(node, "expect");
        return new PolicyTestCase(
            node,
            NodeRead.String(node, "name")?.Value ?? "(unnamed)",
            // The schema allows only CREATE, UPDATE and DELETE, so a failed parse cannot reach here.
            VocabularyNames.TryParse(NodeRead.String(node, "operation")?.Value, out var operation) ? operation : Operation.Create,
            NodeRead.String(node, "point")?.Value == "ci" ? EnforcementPoint.Ci : EnforcementPoint.Admission,
            NodeRead.String(node, "namespace")?.Value ?? Resource.DefaultNamespace,
            NodeRead.Map(node, "object"),
            NodeRead.String(node, "file"),
            NodeRead.Map(node, "old"),
            NodeRead.String(node, "oldFile"),
            expect?.Get("allowed") is ScalarNode flag && flag.TryGetBoolean(out var allowed) && allowed,
            Ids(expect, "rules"),
            Ids(expect, "exempted"),
            NodeRead.String(NodeRead.Map(node, "select"), "kind")?.Value,
            NodeRead.String(NodeRead.Map(node, "select"), "name")?.Value);
    }
}

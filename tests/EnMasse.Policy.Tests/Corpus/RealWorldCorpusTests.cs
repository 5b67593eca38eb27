using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;
using Xunit.Abstractions;

namespace EnMasse.Policy.Tests.Corpus;

/// <summary>
/// Every tenant object of the real-world corpus, judged as its source applies it and compared
/// with the hand-written expectations in realworld-expectations.yaml: the verdict and the rule
/// ids, object by object. Skipped with its reason where the corpus is absent.
/// </summary>
public sealed class RealWorldCorpusTests(ITestOutputHelper output)
{
    private static string Expectations => Path.Combine(Repo.Root, "tests", "EnMasse.Policy.Tests", "Corpus", "realworld-expectations.yaml");

    [SkippableFact]
    public void Every_tenant_object_gets_the_verdict_and_rules_judged_by_hand()
    {
        var root = CorpusFiles.Path("realworld");
        var manifest = Manifest.Read(Path.Combine(root, "MANIFEST.md"));
        var groups = ExpectedGroup.ReadAll(Expectations);
        var problems = new List<string>();
        int objects = 0, findings = 0, errors = 0, warnings = 0;

        foreach (var group in groups)
        {
            var actual = Judge(root, manifest, group);
            objects += actual.Values.Count(a => a.Verdict is not ("syntax" or "not-judged"));
            findings += actual.Values.Sum(a => a.Findings);
            errors += actual.Values.Sum(a => a.Errors);
            warnings += actual.Values.Sum(a => a.Findings - a.Errors);
            foreach (var expected in group.Objects)
            {
                if (expected.Verdict == "not-judged")
                {
                    if (actual.Keys.Any(k => k.File == expected.File))
                    {
                        problems.Add($"{group.Name}: {expected.File}: expected no object of ours, got {string.Join("; ", actual.Where(a => a.Key.File == expected.File).Select(a => a.Value))}");
                    }

                    continue;
                }

                if (!actual.Remove(expected.Key, out var got))
                {
                    problems.Add($"{group.Name}: {expected.Key}: expected {expected.Verdict}, but the tool judged no such object");
                }
                else if (got.Verdict != expected.Verdict || !got.Rules.SequenceEqual(expected.Rules) || got.Kind != expected.Kind || got.Name != expected.Name)
                {
                    problems.Add($"{group.Name}: {expected.Key} {expected.Kind} {expected.Name}: expected {expected.Verdict} [{string.Join(", ", expected.Rules)}], got {got}");
                }
            }

            problems.AddRange(actual.Select(a => $"{group.Name}: {a.Key}: judged but not expected: {a.Value}"));
        }

        var listed = groups.SelectMany(g => g.Objects).Select(o => o.File).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(manifest.Where(m => m.Value == "tenant" && !listed.Contains(m.Key)).Select(m => $"{m.Key}: a tenant file of the corpus with no expectation"));

        output.WriteLine($"{groups.Count} groups, {objects} objects judged: {findings} findings ({errors} errors, {warnings} warnings)");
        Assert.True(problems.Count == 0, $"{problems.Count} difference(s) from the hand-judged expectations:\n" + string.Join("\n", problems));
    }

    [SkippableFact]
    public void Every_catalogue_prefix_names_catalogue_files()
    {
        var manifest = Manifest.Read(CorpusFiles.Path("realworld", "MANIFEST.md"));
        foreach (var group in ExpectedGroup.ReadAll(Expectations))
        {
            Assert.All(group.Catalogue, prefix => Assert.Contains(manifest, m => m.Value == "catalogue" && m.Key.StartsWith(prefix, StringComparison.Ordinal)));
        }
    }

    /// <summary>Applies one group as validate does and reads each object's verdict, keyed by file, document and item.</summary>
    private static Dictionary<ObjectKey, Judged> Judge(string root, IReadOnlyDictionary<string, string> manifest, ExpectedGroup group)
    {
        Assert.True(EnMasseVersion.TryParse(group.Version, out var release), $"{group.Name}: version {group.Version}");
        var shipped = TestEngine.Shipped;
        var policy = shipped.Policy.ForVersion(release) with { Platform = group.Platform == "openshift" ? Platform.OpenShift : Platform.Kubernetes };
        var bundle = shipped with { Policy = policy };

        var catalogue = manifest
            .Where(m => m.Value == "catalogue" && group.Catalogue.Any(p => m.Key.StartsWith(p, StringComparison.Ordinal)))
            .Select(m => Read(root, m.Key))
            .ToList();
        var files = group.Objects.Select(o => o.File).Distinct(StringComparer.Ordinal).Select(f => Read(root, f)).ToList();
        var check = new OfflineCheck(bundle, files, catalogue, group.Namespace, EnforcementPoint.Ci);

        var judged = new Dictionary<ObjectKey, Judged>();
        foreach (var file in files)
        {
            if (file.FileFindings.Count > 0)
            {
                var rules = file.FileFindings.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
                judged[new ObjectKey(file.File, 0, null)] = new Judged("syntax", rules, null, null, file.FileFindings.Count, file.FileFindings.Count);
                continue;
            }

            for (var d = 0; d < file.Documents.Count; d++)
            {
                var items = ListExpander.Expand(file.Documents[d]).ToList();
                var isList = items.Count != 1 || !ReferenceEquals(items[0].Root, file.Documents[d].Root);
                for (var i = 0; i < items.Count; i++)
                {
                    // Plans and infra configs in a List are the catalogue; only tenant objects, and mistakes in EnMasse's groups, are pinned.
                    if (Resource.FromAny(items[i].Root, check.Namespace, file.File) is not { } resource
                        || !(resource.Kind.IsTenant() || resource.Kind == ResourceKind.Foreign)
                        || check.Evaluate(items[i], resource).Decision is not { Applies: true } decision)
                    {
                        continue;
                    }

                    var found = decision.Findings.Where(f => !f.Exempted).ToList();
                    var verdict = found.Any(f => f.Denies) ? "denied" : found.Count > 0 ? "warned" : "allowed";
                    judged[new ObjectKey(file.File, d, isList ? i : null)] = new Judged(
                        verdict,
                        [.. found.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal)],
                        resource.KindName,
                        resource.Name,
                        found.Count,
                        found.Count(f => f.Denies));
                }
            }
        }

        return judged;
    }

    private static ReadResult Read(string root, string file) =>
        DocumentLoader.Load(file, File.ReadAllBytes(Path.Combine(root, file)));

    private readonly record struct ObjectKey(string File, int Doc, int? Item)
    {
        public override string ToString() => $"{File}{(Doc > 0 ? $" doc {Doc}" : string.Empty)}{(Item is { } i ? $" item {i}" : string.Empty)}";
    }

    private sealed record Judged(string Verdict, IReadOnlyList<string> Rules, string? Kind, string? Name, int Findings, int Errors)
    {
        public override string ToString() => $"{Verdict} [{string.Join(", ", Rules)}] ({Kind} {Name})";
    }

    private sealed record ExpectedObject(string File, int Doc, int? Item, string? Kind, string? Name, string Verdict, IReadOnlyList<string> Rules)
    {
        public ObjectKey Key => new(File, Doc, Item);
    }

    private sealed record ExpectedGroup(string Name, string Version, string Platform, string Namespace, IReadOnlyList<string> Catalogue, IReadOnlyList<ExpectedObject> Objects)
    {
        public static IReadOnlyList<ExpectedGroup> ReadAll(string path)
        {
            var read = DocumentLoader.Load(path, File.ReadAllBytes(path));
            Assert.Empty(read.FileFindings);
            var root = (MappingNode)Assert.Single(read.Documents).Root;
            return [.. NodeRead.Maps(NodeRead.List(root, "groups")).Select(g => new ExpectedGroup(
                Text(g, "group"),
                Text(g, "version"),
                Text(g, "platform"),
                Text(g, "namespace"),
                [.. NodeRead.Strings(NodeRead.List(g, "catalogue")).Select(t => t.Value)],
                [.. NodeRead.Maps(NodeRead.List(g, "objects")).Select(o => new ExpectedObject(
                    Text(o, "file"),
                    NodeRead.Int(o, "doc"),
                    NodeRead.Has(o, "item") ? NodeRead.Int(o, "item") : null,
                    NodeRead.String(o, "kind")?.Value,
                    NodeRead.String(o, "name")?.Value,
                    Text(o, "verdict"),
                    Verdict(o)))]))];
        }

        private static IReadOnlyList<string> Verdict(MappingNode o)
        {
            var verdict = Text(o, "verdict");
            var rules = NodeRead.Strings(NodeRead.List(o, "rules")).Select(t => t.Value).Order(StringComparer.Ordinal).ToList();
            // Every expectation that is not a plain pass says why.
            Assert.True(verdict is "allowed" or "syntax" or "not-judged" || NodeRead.Has(o, "why"), $"{Text(o, "file")}: {verdict} without why");
            return verdict == "syntax" ? ["yaml.syntax"] : rules;
        }

        private static string Text(MappingNode node, string key) =>
            NodeRead.String(node, key)?.Value ?? throw new InvalidOperationException($"realworld-expectations.yaml: {key} missing at {node.Path}");
    }

    /// <summary>MANIFEST.md's file table: file under realworld/ to its role (tenant, catalogue).</summary>
    private static class Manifest
    {
        public static IReadOnlyDictionary<string, string> Read(string path) =>
            File.ReadLines(path)
                .Select(l => l.Split('|'))
                .Where(c => c.Length >= 7 && c[5].Trim() is "tenant" or "catalogue")
                .ToDictionary(c => c[1].Trim(), c => c[5].Trim(), StringComparer.Ordinal);
    }
}

using System.Text.RegularExpressions;

namespace EnMasse.Policy.Tests.Architecture;

/// <summary>
/// Imports run one way: each folder of a project may use only the folders its row names, and the
/// rows form no cycle. A new folder needs a row here, which is where its place in the layers is
/// decided. docs/architecture.md draws the same table.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>The engine, bottom to top: vocabulary; documents; schema and model; catalogue and policy; rules and defaults; loading; engine.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Engine = new Dictionary<string, string[]>
    {
        ["Vocabulary"] = [],
        ["Naming"] = [],
        ["Documents"] = ["Vocabulary"],
        ["Schema"] = ["Documents", "Vocabulary", "Naming"],
        ["Model"] = ["Documents", "Vocabulary"],
        ["Catalog"] = ["Model", "Documents", "Vocabulary"],
        ["Policies"] = ["Catalog", "Model", "Schema", "Documents", "Vocabulary", "Naming"],
        ["Rules"] = ["Policies", "Catalog", "Model", "Documents", "Vocabulary", "Naming"],
        ["Defaults"] = ["Policies", "Catalog", "Model", "Documents", "Vocabulary"],
        ["Loading"] = ["Rules", "Policies", "Catalog", "Model", "Schema", "Documents", "Vocabulary", "Naming"],
        ["Engine"] = ["Loading", "Rules", "Defaults", "Policies", "Catalog", "Model", "Schema", "Documents", "Vocabulary", "Naming"],
        ["Audit"] = ["Engine", "Loading", "Rules", "Defaults", "Policies", "Catalog", "Model", "Schema", "Documents", "Vocabulary", "Naming"],
    };

    /// <summary>The webhook: diagnostics at the bottom, the served state above them, the wire and feeds above that, the composition root on top.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Webhook = new Dictionary<string, string[]>
    {
        ["Diagnostics"] = [],
        ["Serving"] = ["Diagnostics"],
        ["Tls"] = ["Serving", "Diagnostics"],
        ["Cluster"] = ["Serving", "Diagnostics"],
        ["Admission"] = ["Serving", "Diagnostics"],
        ["Audit"] = ["Cluster", "Serving", "Diagnostics"],
        ["Hosting"] = ["Admission", "Audit", "Cluster", "Tls", "Serving", "Diagnostics"],
    };

    /// <summary>The CLI: console, output, the text editor and the compiled docs at the bottom; the repository inputs above output; the commands on top.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Cli = new Dictionary<string, string[]>
    {
        ["Console"] = [],
        ["Editing"] = [],
        ["Output"] = ["Editing"],
        ["Docs"] = [],
        ["Cluster"] = [],
        ["Repository"] = ["Output"],
        ["Commands"] = ["Repository", "Cluster", "Editing", "Docs", "Console", "Output"],
    };

    public static TheoryData<string> Projects => new() { "EnMasse.Policy", "EnMasse.Webhook", "EnMasse.Cli" };

    private static IReadOnlyDictionary<string, string[]> Table(string project) => project switch
    {
        "EnMasse.Policy" => Engine,
        "EnMasse.Webhook" => Webhook,
        _ => Cli,
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_folder_imports_a_folder_above_it(string project)
    {
        var table = Table(project);
        var violations = new List<string>();
        foreach (var (folder, file, used) in References(project))
        {
            if (!table.TryGetValue(folder, out var allowed))
            {
                violations.Add($"{folder}/ has no row in the layering table ({file})");
                continue;
            }

            violations.AddRange(used.Where(u => u != folder && !allowed.Contains(u)).Select(u => $"{folder} -> {u} ({file})"));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct()));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_layering_table_has_no_cycle(string project)
    {
        var table = Table(project);
        var done = new HashSet<string>();
        var path = new Stack<string>();

        void Visit(string folder)
        {
            Assert.False(path.Contains(folder), $"cycle: {string.Join(" -> ", path.Reverse().Append(folder))}");
            if (!done.Add(folder))
            {
                return;
            }

            path.Push(folder);
            foreach (var below in table[folder])
            {
                Assert.True(table.ContainsKey(below), $"{folder} names {below}, which has no row");
                Visit(below);
            }

            path.Pop();
        }

        foreach (var folder in table.Keys)
        {
            Visit(folder);
        }
    }

    [Fact]
    public void The_engine_knows_neither_door_nor_a_host()
    {
        var offending = SourceFiles("EnMasse.Policy")
            .Where(f => DoorOrHost().IsMatch(StripComments(File.ReadAllText(f))))
            .Select(f => Path.GetRelativePath(Repo.Root, f))
            .ToList();
        Assert.Empty(offending);
    }

    /// <summary>The folders each source file of a project uses: by using directive, by full name, or by a name relative to the project's namespace.</summary>
    private static IEnumerable<(string Folder, string File, HashSet<string> Used)> References(string project)
    {
        var root = Path.Combine(Repo.Root, "src", project);
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(n => n is not ("bin" or "obj" or "Properties")).Cast<string>().ToHashSet();
        var byName = new Regex(@"\b" + Regex.Escape(project) + @"\.(\w+)");
        // Folder.Type written relative to the project's namespace; Folder.Member of a property that
        // happens to share a folder's name is not a reference, so the type must live in that folder.
        var types = folders.ToDictionary(f => f, f => SourceFiles(Path.Combine(project, f)).SelectMany(file => Declared().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)).ToHashSet());
        var relative = new Regex(@"(?<![\w.])(" + string.Join("|", folders) + @")\.([A-Z]\w*)");
        foreach (var file in SourceFiles(project))
        {
            var relativePath = Path.GetRelativePath(root, file);
            var parts = relativePath.Split(Path.DirectorySeparatorChar);
            if (parts.Length == 1)
            {
                continue; // Program.cs and other files at the root compose everything.
            }

            var text = StripComments(File.ReadAllText(file));
            var used = byName.Matches(text).Select(m => m.Groups[1].Value)
                .Concat(relative.Matches(text).Where(m => types[m.Groups[1].Value].Contains(m.Groups[2].Value)).Select(m => m.Groups[1].Value))
                .Where(folders.Contains)
                .ToHashSet();
            yield return (parts[0], relativePath, used);
        }
    }

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string StripComments(string text) => Comments().Replace(text, string.Empty);

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?:struct\s+)?(\w+)")]
    private static partial Regex Declared();

    [GeneratedRegex(@"\b(EnMasse\.Cli|EnMasse\.Webhook|Microsoft\.AspNetCore|System\.Console|k8s)\b")]
    private static partial Regex DoorOrHost();
}

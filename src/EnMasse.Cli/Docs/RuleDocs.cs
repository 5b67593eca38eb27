namespace EnMasse.Cli.Docs;

/// <summary>
/// The rule reference of docs/rules/, compiled into the tool: `explain` prints a page exactly as
/// the repository shows it, so the two cannot differ.
/// </summary>
internal static class RuleDocs
{
    private const string Prefix = "docs/rules/";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Pages = new(Load);

    /// <summary>The ids that have a page.</summary>
    public static IEnumerable<string> Ids => Pages.Value.Keys;

    public static string? Page(string id) => Pages.Value.TryGetValue(id, out var page) ? page : null;

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(RuleDocs).Assembly;
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            pages[name[Prefix.Length..^".md".Length]] = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        return pages;
    }
}

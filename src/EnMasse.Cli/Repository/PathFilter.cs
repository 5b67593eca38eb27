using Microsoft.Extensions.FileSystemGlobbing;

namespace EnMasse.Cli.Repository;

/// <summary>
/// The --exclude and configured exclude patterns, matched against a path relative to
/// <see cref="BaseDirectory"/> as .gitignore users expect: a pattern without a slash matches at
/// any depth, and a pattern that names a directory leaves out everything below it.
/// </summary>
internal sealed class PathFilter
{
    private readonly Matcher _matcher = new(StringComparison.Ordinal);

    public PathFilter(string baseDirectory, IEnumerable<string> patterns)
    {
        BaseDirectory = baseDirectory;
        foreach (var raw in patterns)
        {
            var pattern = raw.Replace('\\', '/').TrimStart('/');
            if (pattern.StartsWith("./", StringComparison.Ordinal))
            {
                pattern = pattern[2..];
            }

            pattern = pattern.TrimEnd('/');
            if (pattern.Length == 0)
            {
                continue;
            }

            if (!pattern.Contains('/', StringComparison.Ordinal))
            {
                pattern = "**/" + pattern;
            }

            _matcher.AddInclude(pattern);
            _matcher.AddInclude(pattern + "/**");
            Count++;
        }
    }

    public string BaseDirectory { get; }

    public int Count { get; }

    /// <summary>True when a file (by full path) is left out.</summary>
    public bool Excludes(string fullPath)
    {
        if (Count == 0)
        {
            return false;
        }

        var relative = Path.GetRelativePath(BaseDirectory, fullPath).Replace('\\', '/');
        return !relative.StartsWith("../", StringComparison.Ordinal) && _matcher.Match(relative).HasMatches;
    }
}

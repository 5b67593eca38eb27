using EnMasse.Policy.Documents;

namespace EnMasse.Cli.Inputs;

/// <summary>Turns PATH arguments into read files: files, directories walked recursively (hidden folders skipped), or - for standard input.</summary>
internal static class InputCollector
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The read files, or a message saying why the run cannot be made.</summary>
    public static (List<ReadResult> Files, string? Error) Collect(IReadOnlyList<string> paths, TextReader stdin, string workingDirectory)
    {
        var files = new List<ReadResult>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                files.Add(DocumentLoader.LoadText("<stdin>", stdin.ReadToEnd()));
                continue;
            }

            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                var (result, error) = Read(path, full);
                if (error is not null)
                {
                    return (files, error);
                }

                files.Add(result!);
                continue;
            }

            if (!Directory.Exists(full))
            {
                return (files, $"{path}: no such file or directory");
            }

            var found = Walk(full).ToList();
            if (found.Count == 0)
            {
                return (files, $"{path}: no .yaml, .yml or .json files in this directory");
            }

            foreach (var file in found)
            {
                var shown = Path.Combine(path, Path.GetRelativePath(full, file)).Replace('\\', '/');
                if (shown.StartsWith("./", StringComparison.Ordinal))
                {
                    shown = shown[2..];
                }

                var (result, error) = Read(shown, file);
                if (error is not null)
                {
                    return (files, error);
                }

                files.Add(result!);
            }
        }

        return (files, null);
    }

    private static (ReadResult? Result, string? Error) Read(string shown, string full)
    {
        try
        {
            var length = new FileInfo(full).Length;
            if (length > DocumentLimits.Default.MaxFileBytes)
            {
                return (DocumentLoader.TooLarge(shown, length), null);
            }

            return (DocumentLoader.Load(shown, File.ReadAllBytes(full)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{shown}: cannot be read: {e.Message}");
        }
    }

    private static IEnumerable<string> Walk(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            if (Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !Path.GetFileName(file).StartsWith('.'))
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(sub).StartsWith('.'))
            {
                continue;
            }

            foreach (var file in Walk(sub))
            {
                yield return file;
            }
        }
    }
}

namespace EnMasse.Policy.Documents;

/// <summary>
/// The one way both doors turn paths into read files: the CLI's PATH and --catalog arguments,
/// the webhook's --catalog, the policy loader and the test suites. A path is a file, a
/// directory walked recursively (hidden entries skipped, directory links followed once), or -
/// for standard input. Only regular files with content are opened, and no more than the size
/// limit is read: a FIFO, a device or a /proc entry reports no size and reads as empty instead
/// of hanging or filling memory. A path that cannot be read is an error message, never an
/// exception.
/// </summary>
public static class InputReader
{
    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml", ".json"];

    public static bool HasDocumentExtension(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The read files in argument order, or the message that says why the run cannot be made.</summary>
    /// <param name="stdin">Read for "-"; null where there is no standard input (the webhook).</param>
    public static InputReadResult Read(IReadOnlyList<string> paths, TextReader? stdin, string workingDirectory, DocumentLimits? limits = null)
    {
        limits ??= DocumentLimits.Default;
        var files = new List<ReadResult>();
        foreach (var path in paths)
        {
            if (path == "-" && stdin is not null)
            {
                files.Add(DocumentLoader.LoadText("<stdin>", stdin.ReadToEnd(), limits));
                continue;
            }

            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                var single = ReadFile(path, full, limits);
                if (single.Error is not null)
                {
                    return new InputReadResult(files, single.Error);
                }

                files.Add(single.Result!);
                continue;
            }

            if (!Directory.Exists(full))
            {
                return new InputReadResult(files, $"{path}: no such file or directory");
            }

            var found = Walk(full).ToList();
            if (found.Count == 0)
            {
                return new InputReadResult(files, $"{path}: no .yaml, .yml or .json files in this directory");
            }

            foreach (var file in found)
            {
                var shown = Path.Combine(path, Path.GetRelativePath(full, file)).Replace('\\', '/');
                if (shown.StartsWith("./", StringComparison.Ordinal))
                {
                    shown = shown[2..];
                }

                var read = ReadFile(shown, file, limits);
                if (read.Error is not null)
                {
                    return new InputReadResult(files, read.Error);
                }

                files.Add(read.Result!);
            }
        }

        return new InputReadResult(files, null);
    }

    /// <summary>One file, named <paramref name="shown"/> in findings: its documents, a finding when it is over the limit, or an error.</summary>
    public static (ReadResult? Result, string? Error) ReadFile(string shown, string full, DocumentLimits? limits = null)
    {
        limits ??= DocumentLimits.Default;
        var (bytes, length, error) = ReadBytes(shown, full, limits.MaxFileBytes);
        if (error is not null)
        {
            return (null, error);
        }

        return bytes is null ? (DocumentLoader.TooLarge(shown, length, limits), null) : (DocumentLoader.Load(shown, bytes, limits), null);
    }

    /// <summary>
    /// The bytes of a file, read up to <paramref name="maxBytes"/>; null bytes with the length
    /// when the file is larger. Only a regular file with a size is opened.
    /// </summary>
    public static (byte[]? Bytes, long Length, string? Error) ReadBytes(string shown, string full, long maxBytes)
    {
        try
        {
            var target = new FileInfo(full);
            if (target.LinkTarget is not null && target.ResolveLinkTarget(returnFinalTarget: true) is FileInfo resolved)
            {
                target = resolved;
            }

            if (!target.Exists)
            {
                return (null, 0, $"{shown}: cannot be read: it is a link to a file that does not exist");
            }

            var length = target.Length;
            if (length == 0)
            {
                // FIFOs, devices and /proc entries report no size: never open them.
                return ([], 0, null);
            }

            if (length > maxBytes)
            {
                return (null, length, null);
            }

            using var stream = new FileStream(target.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(length, maxBytes) + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            // A file that grew past the limit between the size check and the read is still refused.
            return total > maxBytes ? (null, total, null) : (buffer[..total], total, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, 0, $"{shown}: cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// The document files below a directory, each directory's files (sorted) before its
    /// subdirectories (sorted). Entries whose name starts with a dot are skipped; a directory
    /// link is followed, but never into a directory already walked.
    /// </summary>
    public static IEnumerable<string> Walk(string directory) => Walk(directory, new HashSet<string>(StringComparer.Ordinal));

    private static IEnumerable<string> Walk(string directory, HashSet<string> walked)
    {
        if (!walked.Add(RealPath(directory)))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            if (HasDocumentExtension(file) && !Path.GetFileName(file).StartsWith('.'))
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

            foreach (var file in Walk(sub, walked))
            {
                yield return file;
            }
        }
    }

    private static string RealPath(string directory)
    {
        var info = new DirectoryInfo(directory);
        return (info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName : null) ?? info.FullName;
    }
}

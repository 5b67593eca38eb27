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
    /// <summary>How findings name standard input unless the caller names it.</summary>
    public const string StdinName = "<stdin>";

    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml", ".json"];

    public static bool HasDocumentExtension(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The read files in argument order, or the message that says why the run cannot be made.</summary>
    /// <param name="stdin">Read for "-"; null where there is no standard input (the webhook).</param>
    public static InputReadResult Read(IReadOnlyList<string> paths, TextReader? stdin, string workingDirectory, DocumentLimits? limits = null, InputSelection? selection = null)
    {
        limits ??= DocumentLimits.Default;
        selection ??= InputSelection.All;
        var files = new List<ReadResult>();
        var skipped = new List<SkippedInput>();
        foreach (var path in paths)
        {
            if (path == "-" && stdin is not null)
            {
                files.Add(DocumentLoader.LoadText(selection.StdinName, stdin.ReadToEnd(), limits));
                continue;
            }

            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                var single = ReadFile(path, full, limits, selection.Skip);
                if (single.Error is not null)
                {
                    return new InputReadResult(files, single.Error) { Skipped = skipped };
                }

                Keep(single, skipped, files);
                continue;
            }

            if (!Directory.Exists(full))
            {
                return new InputReadResult(files, $"{path}: no such file or directory") { Skipped = skipped };
            }

            var found = Walk(full, selection.Exclude).ToList();
            // A directory whose files were all left out by the caller is not an error; one with none is.
            if (found.Count == 0 && (selection.Exclude is null || !Walk(full).Any()))
            {
                return new InputReadResult(files, $"{path}: no .yaml, .yml or .json files in this directory") { Skipped = skipped };
            }

            foreach (var file in found)
            {
                var shown = Path.Combine(path, Path.GetRelativePath(full, file)).Replace('\\', '/');
                if (shown.StartsWith("./", StringComparison.Ordinal))
                {
                    shown = shown[2..];
                }

                var read = ReadFile(shown, file, limits, selection.Skip);
                if (read.Error is not null)
                {
                    return new InputReadResult(files, read.Error) { Skipped = skipped };
                }

                Keep(read, skipped, files);
            }
        }

        return new InputReadResult(files, null) { Skipped = skipped };
    }

    private static void Keep((ReadResult? Result, SkippedInput? Skipped, string? Error) read, List<SkippedInput> skipped, List<ReadResult> files)
    {
        if (read.Skipped is not null)
        {
            skipped.Add(read.Skipped);
        }
        else
        {
            files.Add(read.Result!);
        }
    }

    /// <summary>One file, named <paramref name="shown"/> in findings: its documents, a finding when it is over the limit, or an error.</summary>
    public static (ReadResult? Result, string? Error) ReadFile(string shown, string full, DocumentLimits? limits = null)
    {
        var (read, _, error) = ReadFile(shown, full, limits, skip: null);
        return (read, error);
    }

    /// <summary>As <see cref="ReadFile(string, string, DocumentLimits?)"/>, or a <see cref="SkippedInput"/> when <paramref name="skip"/> gives a reason for the bytes.</summary>
    private static (ReadResult? Result, SkippedInput? Skipped, string? Error) ReadFile(string shown, string full, DocumentLimits? limits, Func<string, byte[], string?>? skip)
    {
        limits ??= DocumentLimits.Default;
        var (bytes, length, error) = ReadBytes(shown, full, limits.MaxFileBytes);
        if (error is not null)
        {
            return (null, null, error);
        }

        if (bytes is not null && skip?.Invoke(full, bytes) is { } reason)
        {
            return (null, new SkippedInput(shown, full, reason), null);
        }

        return (bytes is null ? DocumentLoader.TooLarge(shown, length, limits) : DocumentLoader.Load(shown, bytes, limits), null, null);
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
    public static IEnumerable<string> Walk(string directory, Func<string, bool, bool>? exclude = null) => Walk(directory, exclude, new HashSet<string>(StringComparer.Ordinal));

    private static IEnumerable<string> Walk(string directory, Func<string, bool, bool>? exclude, HashSet<string> walked)
    {
        if (!walked.Add(RealPath(directory)))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            if (HasDocumentExtension(file) && !Path.GetFileName(file).StartsWith('.') && exclude?.Invoke(file, false) != true)
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(sub).StartsWith('.') || exclude?.Invoke(sub, true) == true)
            {
                continue;
            }

            foreach (var file in Walk(sub, exclude, walked))
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

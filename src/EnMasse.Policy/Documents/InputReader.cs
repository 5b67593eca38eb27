namespace EnMasse.Policy.Documents;

/// <summary>
/// The one way both doors turn paths into read files: the CLI's PATH and --catalog arguments,
/// the webhook's --catalog, the policy loader and the test suites. A path is a file, a
/// directory walked recursively (hidden entries skipped), or - for standard input.
/// <list type="bullet">
/// <item>Only regular files are opened, and no more than the size limit is read, standard
/// input included. A FIFO, a device, a socket or a link that leads nowhere is a finding about
/// that file: it is never opened, so nothing hangs and nothing fills memory.</item>
/// <item>In a walked directory, links are followed only while they stay inside it (a ConfigMap
/// volume is made of such links), each real directory once. A link that leaves it is a
/// finding and is not followed: a pull request cannot make the check read the runner's
/// files. A file named on the command line is read wherever its link points.</item>
/// <item>A path that cannot be read at all (it does not exist, a directory without documents)
/// is an error message, never an exception.</item>
/// </list>
/// </summary>
public static class InputReader
{
    /// <summary>How findings name standard input unless the caller names it.</summary>
    public const string StdinName = "<stdin>";

    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml", ".json"];

    public static bool HasDocumentExtension(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The read files in argument order, or the message that says why the run cannot be made.</summary>
    /// <param name="stdin">Read for "-"; null where there is no standard input (the webhook).</param>
    /// <param name="sink">Takes every file's documents as they are read; the files then come back holding only their findings.</param>
    public static InputReadResult Read(IReadOnlyList<string> paths, Stream? stdin, string workingDirectory, DocumentLimits? limits = null, InputSelection? selection = null, IDocumentSink? sink = null)
    {
        limits ??= DocumentLimits.Default;
        selection ??= InputSelection.All;
        var files = new List<ReadResult>();
        var skipped = new List<SkippedInput>();
        foreach (var path in paths)
        {
            if (path == "-" && stdin is not null)
            {
                files.Add(ReadStream(selection.StdinName, stdin, limits, sink));
                continue;
            }

            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
            {
                Keep(ReadFile(path, full, limits, within: null, selection.Skip, sink), skipped, files);
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

                Keep(ReadFile(shown, file, limits, within: full, selection.Skip, sink), skipped, files);
            }
        }

        return new InputReadResult(files, null) { Skipped = skipped };
    }

    private static void Keep((ReadResult? Result, SkippedInput? Skipped) read, List<SkippedInput> skipped, List<ReadResult> files)
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

    /// <summary>One file, named <paramref name="shown"/> in findings: its documents, or a finding when it is not read.</summary>
    /// <param name="within">The walked directory the file must not lead out of; null for a file named by the user.</param>
    public static ReadResult ReadFile(string shown, string full, DocumentLimits? limits = null, string? within = null) =>
        ReadFile(shown, full, limits ?? DocumentLimits.Default, within, skip: null, sink: null).Result!;

    /// <summary>As <see cref="ReadFile(string, string, DocumentLimits?, string?)"/>, or a <see cref="SkippedInput"/> when <paramref name="skip"/> gives a reason for the bytes.</summary>
    private static (ReadResult? Result, SkippedInput? Skipped) ReadFile(string shown, string full, DocumentLimits limits, string? within, Func<string, byte[], string?>? skip, IDocumentSink? sink)
    {
        var (bytes, length, refusal) = ReadBytes(full, limits.MaxFileBytes, within);
        if (refusal is not null)
        {
            return (DocumentLoader.NotRead(shown, refusal), null);
        }

        if (bytes is not null && skip?.Invoke(full, bytes) is { } reason)
        {
            return (null, new SkippedInput(shown, full, reason));
        }

        return (bytes is null ? DocumentLoader.TooLarge(shown, length, limits) : DocumentLoader.Load(shown, bytes, limits, sink), null);
    }

    /// <summary>
    /// The bytes of a file, read up to <paramref name="maxBytes"/>; null bytes with the length
    /// read so far when the file is larger; or why it is not read (a sentence that starts with
    /// "not read"). Only a regular file is opened.
    /// </summary>
    /// <param name="within">The walked directory the file must not lead out of; null for a file named by the user.</param>
    public static (byte[]? Bytes, long Length, string? Refusal) ReadBytes(string full, long maxBytes, string? within = null)
    {
        try
        {
            var kind = FileProbe.Kind(full);
            if (kind == FileKind.Missing)
            {
                return (null, 0, new FileInfo(full).LinkTarget is null ? "not read: the file does not exist" : "not read: it is a link to a file that does not exist");
            }

            if (within is not null && FileProbe.RealPath(full) is { } real && !FileProbe.IsWithin(real, FileProbe.RealPath(within) ?? within))
            {
                return (null, 0, kind == FileKind.Directory
                    ? "not followed: a link to a directory outside the directory being read (links are followed only inside it)"
                    : "not read: a link to a file outside the directory being read (links are followed only inside it)");
            }

            var special = kind switch
            {
                FileKind.Directory => "not read: it is a directory",
                FileKind.Fifo => "not read: it is a FIFO (named pipe), not a regular file",
                FileKind.CharacterDevice or FileKind.BlockDevice => "not read: it is a device, not a regular file",
                FileKind.Socket => "not read: it is a socket, not a regular file",
                _ => null,
            };
            if (special is not null)
            {
                return (null, 0, special);
            }

            var length = new FileInfo(full).Length;
            if (kind == FileKind.Unknown && length == 0)
            {
                // Where the kind cannot be asked, a file that reports no size may be a FIFO or a device: never open it.
                return ([], 0, null);
            }

            if (length > maxBytes)
            {
                return (null, length, null);
            }

            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            return Bounded(stream, maxBytes, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, 0, $"not read: {e.Message}");
        }
    }

    /// <summary>A stream read no further than the limit: its documents, or the finding that it is larger.</summary>
    public static ReadResult ReadStream(string shown, Stream stream, DocumentLimits? limits = null, IDocumentSink? sink = null)
    {
        limits ??= DocumentLimits.Default;
        var (bytes, length, _) = Bounded(stream, limits.MaxFileBytes, 0);
        return bytes is null ? DocumentLoader.TooLarge(shown, length, limits) : DocumentLoader.Load(shown, bytes, limits, sink);
    }

    /// <summary>Reads at most one byte past the limit, so a file that grew or a stream that never ends is refused, not swallowed.</summary>
    private static (byte[]? Bytes, long Length, string? Refusal) Bounded(Stream stream, long maxBytes, long expected)
    {
        using var buffer = new MemoryStream((int)Math.Min(expected + 1, maxBytes + 1));
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.Length > maxBytes ? (null, buffer.Length, null) : (buffer.ToArray(), buffer.Length, null);
    }

    /// <summary>
    /// What a walk of a directory reads, each directory's files (sorted) before its
    /// subdirectories (sorted). Entries whose name starts with a dot are skipped, and those
    /// <paramref name="exclude"/> leaves out (by full path; true for a directory); a directory
    /// link is followed only when it stays inside <paramref name="directory"/>, into each real
    /// directory once. A link that leaves it is listed as it is, for the reader to refuse.
    /// </summary>
    public static IEnumerable<string> Walk(string directory, Func<string, bool, bool>? exclude = null)
    {
        var root = FileProbe.RealPath(directory) ?? Path.GetFullPath(directory);
        return Walk(directory, root, exclude, new HashSet<string>(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Walk(string directory, string root, Func<string, bool, bool>? exclude, HashSet<string> walked)
    {
        if (!walked.Add(FileProbe.RealPath(directory) ?? directory))
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

            if (FileProbe.RealPath(sub) is { } real && !FileProbe.IsWithin(real, root))
            {
                yield return sub;
                continue;
            }

            foreach (var file in Walk(sub, root, exclude, walked))
            {
                yield return file;
            }
        }
    }
}

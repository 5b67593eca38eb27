using System.Diagnostics;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Cli.Repository;

/// <summary>
/// A directory with a kustomization file. Its files are not objects as they will be applied
/// (patches, a namespace set for all of them), so it is rendered with <c>kubectl kustomize</c>
/// and the output is checked instead; without kubectl it is reported with the pipe to use.
/// </summary>
internal static class Kustomization
{
    public static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(2);

    public static bool IsRoot(string directory) => FileNames.Any(n => File.Exists(Path.Combine(directory, n)));

    /// <summary>
    /// The roots worth rendering: those no other found root builds on. A base that an overlay
    /// lists in resources, bases or components is rendered as part of the overlay.
    /// </summary>
    public static IReadOnlyList<string> Leaves(IReadOnlyList<string> roots)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var reference in References(root))
            {
                referenced.Add(reference);
            }
        }

        return [.. roots.Where(r => !referenced.Contains(Path.GetFullPath(r)))];
    }

    /// <summary>The local directories a kustomization builds on (full paths); remote and file references are not directories here.</summary>
    private static IEnumerable<string> References(string root)
    {
        var file = FileNames.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists);
        if (file is null)
        {
            yield break;
        }

        var read = InputReader.ReadFile(file, file);

        foreach (var document in read.Documents)
        {
            var mapping = document.Root as MappingNode;
            foreach (var key in new[] { "resources", "bases", "components" })
            {
                foreach (var entry in NodeRead.Strings(NodeRead.List(mapping, key)))
                {
                    var target = Path.GetFullPath(entry.Value, root);
                    if (Directory.Exists(target))
                    {
                        yield return target;
                    }
                }
            }
        }
    }

    /// <summary>kubectl's full path from PATH, or null.</summary>
    public static string? FindKubectl(string? pathVariable)
    {
        foreach (var dir in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The output of kubectl kustomize DIR, or kubectl's own message (its first lines) when it fails.</summary>
    public static (string? Output, string? Error) Render(string kubectl, string directory, string workingDirectory)
    {
        var start = new ProcessStartInfo(kubectl, ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(RenderTimeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"kubectl kustomize {directory} did not finish within {RenderTimeout.TotalSeconds:0} s");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var lines = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(5).Select(l => l.Length > 300 ? l[..300] + "..." : l);
                return (null, $"kubectl kustomize {directory} failed: {string.Join(" / ", lines)}");
            }

            return (output.Result, null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (null, $"kubectl kustomize {directory} could not run: {e.Message}");
        }
    }
}

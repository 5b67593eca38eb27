using EnMasse.Cli.Output;
using EnMasse.Policy.Documents;

namespace EnMasse.Cli.Repository;

/// <summary>What a run reads besides the policy: where its paths come from and how a GitOps repository is taken as it is.</summary>
internal sealed record InputRequest(
    IReadOnlyList<string> Paths,
    PathFilter Filter,
    string StdinName,
    Stream Stdin,
    string WorkingDirectory,
    string? PathVariable);

/// <summary>
/// Turns PATH arguments into files to judge the way a GitOps repository needs: excluded paths
/// left out, Go templates (Helm) passed over with the command that renders them, directories
/// with a kustomization rendered with kubectl kustomize (or named with the pipe to use).
/// </summary>
internal static class InputCollector
{
    public static (CollectedInputs? Inputs, string? Error) Collect(InputRequest request)
    {
        var kustomizations = new List<string>();
        var plainPaths = new List<string>();
        foreach (var path in request.Paths)
        {
            var full = Path.GetFullPath(path, request.WorkingDirectory);
            if (path != "-" && Directory.Exists(full) && Kustomization.IsRoot(full))
            {
                kustomizations.Add(full);
            }
            else
            {
                plainPaths.Add(path);
            }
        }

        bool Exclude(string full, bool directory)
        {
            if (directory)
            {
                if (request.Filter.Excludes(full))
                {
                    return true;
                }

                if (Kustomization.IsRoot(full))
                {
                    kustomizations.Add(full);
                    return true;
                }

                return false;
            }

            return request.Filter.Excludes(full);
        }

        var selection = new InputSelection(request.StdinName, Exclude, (_, bytes) => GoTemplate.Holds(bytes) ? GoTemplate.Reason : null);
        var read = InputReader.Read(plainPaths, request.Stdin, request.WorkingDirectory, selection: selection);
        if (read.Error is not null)
        {
            return (null, read.Error);
        }

        var notes = new List<Note>();
        notes.AddRange(TemplateNotes(read.Skipped, request.WorkingDirectory));

        var builds = new List<ReadResult>();
        var leaves = Kustomization.Leaves(kustomizations.Distinct(StringComparer.Ordinal).ToList());
        var kubectl = leaves.Count > 0 ? Kustomization.FindKubectl(request.PathVariable) : null;
        foreach (var leaf in leaves)
        {
            var shown = Shown(leaf, request.WorkingDirectory);
            if (kubectl is null)
            {
                notes.Add(Note.Warn($"holds a kustomization and kubectl is not on PATH, so it was not checked; check what it builds with: kubectl kustomize {shown} | enmasse-policy validate --stdin-name {shown} -", shown));
                continue;
            }

            var (output, error) = Kustomization.Render(kubectl, leaf, request.WorkingDirectory);
            if (error is not null)
            {
                return (null, error);
            }

            var name = $"{shown} (kustomize)";
            builds.Add(DocumentLoader.LoadText(name, output!));
            notes.Add(Note.Info($"rendered with kubectl kustomize; positions in \"{name}\" are lines of its output (kubectl kustomize {shown})", shown));
        }

        return (new CollectedInputs(read.Files, builds, notes), null);
    }

    /// <summary>One note per chart (or per template outside a chart): passed over, and the command that checks what it renders.</summary>
    private static IEnumerable<Note> TemplateNotes(IReadOnlyList<SkippedInput> skipped, string workingDirectory)
    {
        foreach (var group in skipped.GroupBy(s => GoTemplate.ChartOf(s.FullPath) ?? s.FullPath, StringComparer.Ordinal))
        {
            var chart = GoTemplate.ChartOf(group.First().FullPath);
            if (chart is null)
            {
                yield return Note.Info("skipped: it holds Go template syntax ({{ ... }}) and is not YAML until rendered; check the rendered output: <render command> | enmasse-policy validate -", group.First().File);
                continue;
            }

            var shown = Shown(chart, workingDirectory);
            var count = group.Count();
            yield return Note.Info($"{count} Helm template{(count == 1 ? string.Empty : "s")} skipped (not YAML until rendered); check the rendered output: helm template {shown} | enmasse-policy validate --stdin-name {shown} -", shown);
        }
    }

    private static string Shown(string full, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, full).Replace('\\', '/');
        return relative == "." ? "." : relative.StartsWith("../", StringComparison.Ordinal) && Path.IsPathRooted(full) && relative.Count(c => c == '/') > 3 ? full : relative;
    }
}

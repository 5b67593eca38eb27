using EnMasse.Cli.Output;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary>Notes drawn from a verdict: an input with nothing to judge, and the likely cause of "does not exist" findings.</summary>
internal static class RunNotes
{
    public static IEnumerable<Note> For(BatchResult result, string? @namespace)
    {
        if (result.Resources.Count == 0 && result.Findings.Count == 0)
        {
            yield return Note.Warn($"no EnMasse objects (AddressSpace, Address, MessagingUser) in {result.Files} file{(result.Files == 1 ? string.Empty : "s")}; nothing was judged");
        }

        foreach (var note in DefaultedNamespaces(result, @namespace ?? Resource.DefaultNamespace))
        {
            yield return note;
        }
    }

    /// <summary>
    /// An AddressSpace that names no namespace is judged in the default one, and every Address
    /// and MessagingUser of another namespace that names it then "does not exist": name the cause
    /// once, at the space, instead of leaving the reader with the cascade.
    /// </summary>
    private static IEnumerable<Note> DefaultedNamespaces(BatchResult result, string defaultNamespace)
    {
        var missing = result.Findings
            .Where(f => f.Rule is RuleIds.AddressSpaceRef or RuleIds.UserSpace && f.Name is { } n && n.Contains('.', StringComparison.Ordinal))
            .GroupBy(f => f.Name![..f.Name!.IndexOf('.', StringComparison.Ordinal)], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            yield break;
        }

        foreach (var space in result.Resources.Select(r => r.Resource).Where(r => r.Kind == ResourceKind.AddressSpace && r.Namespace == defaultNamespace))
        {
            if (NodeRead.Has(space.Metadata, "namespace") || !missing.TryGetValue(space.Name, out var findings))
            {
                continue;
            }

            var elsewhere = findings.Where(f => f.Namespace != defaultNamespace).Select(f => f.Namespace!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (elsewhere.Count == 0)
            {
                continue;
            }

            var at = space.Metadata?.KeyStart ?? space.Root.Start;
            yield return Note.Warn(
                $"AddressSpace \"{space.Name}\" names no metadata.namespace, so it was judged in namespace \"{defaultNamespace}\", while {findings.Count} finding{(findings.Count == 1 ? string.Empty : "s")} look{(findings.Count == 1 ? "s" : string.Empty)} for it in namespace \"{elsewhere[0]}\"{(elsewhere.Count > 1 ? " and others" : string.Empty)}: set metadata.namespace: {elsewhere[0]} or pass --namespace {elsewhere[0]}",
                space.File,
                at.Line,
                at.Column);
        }
    }
}

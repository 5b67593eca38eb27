using System.Text;
using System.Text.Json;
using EnMasse.Policy.Audit;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Output;

/// <summary>
/// The impact of a policy change (<c>audit --compare-to</c>): the objects whose findings differ
/// between the current policy and the proposed one, grouped by how their verdict moves, each
/// finding as a line of its own: "+" only under the proposed policy, "-" only under the current.
/// </summary>
internal static class ImpactFormatter
{
    public static readonly string[] Names = ["text", "json"];

    /// <summary>What was compared: the two policies as the user named them, and what the objects came from.</summary>
    public sealed record Sides(string Current, string Proposed, string Source);

    private static readonly (ImpactChange Change, string Title, string Json)[] Groups =
    [
        (ImpactChange.NewlyFails, "newly failing", "newly-fails"),
        (ImpactChange.NewlyPasses, "newly passing", "newly-passes"),
        (ImpactChange.StillFailsDifferently, "failing under both, with other errors", "fails-differently"),
        (ImpactChange.WarningsChanged, "same verdict, other warnings", "warnings-changed"),
    ];

    public static string Format(string format, AuditImpact impact, Sides sides, IReadOnlyList<Note> notes) =>
        format == "json" ? Json(impact, sides, notes) : Text(impact, sides, notes);

    public static string Summary(AuditImpact impact, Sides sides) =>
        $"impact of {sides.Proposed} against {sides.Current} on {impact.Objects} object{(impact.Objects == 1 ? string.Empty : "s")} ({sides.Source}): "
        + $"{impact.NewlyFailing} newly fail, {impact.NewlyPassing} newly pass, "
        + $"{impact.Changed.Count(c => c.Change == ImpactChange.StillFailsDifferently)} fail differently, "
        + $"{impact.Changed.Count(c => c.Change == ImpactChange.WarningsChanged)} with other warnings; "
        + $"failing now {impact.FailBefore}, under {sides.Proposed} {impact.FailAfter}";

    private static string Text(AuditImpact impact, Sides sides, IReadOnlyList<Note> notes)
    {
        var text = new StringBuilder();
        foreach (var (change, title, _) in Groups)
        {
            var objects = impact.Changed.Where(c => c.Change == change).ToList();
            if (objects.Count == 0)
            {
                continue;
            }

            text.Append(title).Append(" (").Append(objects.Count).Append("):\n");
            foreach (var item in objects)
            {
                foreach (var f in item.Added)
                {
                    text.Append("  + ").Append(Line(f)).Append('\n');
                }

                foreach (var f in item.Removed)
                {
                    text.Append("  - ").Append(Line(f)).Append('\n');
                }
            }
        }

        foreach (var note in notes)
        {
            text.Append(TextFormatter.Line(note)).Append('\n');
        }

        text.Append(Summary(impact, sides)).Append('\n');
        return text.ToString();
    }

    private static string Line(Finding f) => $"{TextFormatter.Location(f)}: {TextFormatter.Label(f)} {f.Rule}: {f.Message}";

    private static string Json(AuditImpact impact, Sides sides, IReadOnlyList<Note> notes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonFormatter.Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("current", sides.Current);
            json.WriteString("proposed", sides.Proposed);
            json.WriteString("source", sides.Source);
            json.WriteStartObject("summary");
            json.WriteNumber("objects", impact.Objects);
            foreach (var (change, _, name) in Groups)
            {
                json.WriteNumber(name, impact.Changed.Count(c => c.Change == change));
            }

            json.WriteNumber("failingNow", impact.FailBefore);
            json.WriteNumber("failingProposed", impact.FailAfter);
            json.WriteEndObject();
            json.WriteStartArray("objects");
            foreach (var item in impact.Changed)
            {
                json.WriteStartObject();
                json.WriteString("object", item.Object);
                json.WriteString("kind", item.Kind);
                json.WriteString("namespace", item.Namespace);
                json.WriteString("name", item.Name);
                json.WriteString("change", Groups.First(g => g.Change == item.Change).Json);
                WriteFindings(json, "added", item.Added);
                WriteFindings(json, "removed", item.Removed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            JsonFormatter.WriteNotes(json, notes);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteFindings(Utf8JsonWriter json, string name, IReadOnlyList<Finding> findings)
    {
        json.WriteStartArray(name);
        foreach (var f in findings)
        {
            JsonFormatter.WriteFinding(json, f);
        }

        json.WriteEndArray();
    }
}

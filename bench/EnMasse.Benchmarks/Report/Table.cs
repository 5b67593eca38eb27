using System.Text;

namespace EnMasse.Benchmarks.Report;

/// <summary>The one table bench/run prints: markdown, so it pastes into a README or an issue as it is.</summary>
internal static class Table
{
    public static string Render(IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| figure | measured | target | baseline (same run) | met |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "-" };
            text.AppendLine($"| {row.Figure} | {row.Value} | {row.Target} | {row.Baseline} | {met} |");
        }

        return text.ToString();
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace EnMasse.Cli.Repository;

/// <summary>
/// Files with Go template actions ({{ ... }}), such as Helm templates: they are not YAML until
/// rendered, and judging them literally gives nonsense findings, so they are passed over with a
/// note that says how to check the rendered output.
/// </summary>
internal static partial class GoTemplate
{
    public const string Reason = "Go template";

    public static bool Holds(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.IndexOf("{{"u8) < 0)
        {
            return false;
        }

        return Action().IsMatch(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The chart a template belongs to: the nearest directory above it that holds Chart.yaml, if any.</summary>
    public static string? ChartOf(string fullPath)
    {
        for (var dir = Path.GetDirectoryName(fullPath); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Chart.yaml")))
            {
                return dir;
            }
        }

        return null;
    }

    // An action as text/template writes it: {{ or {{- , anything but braces, then }} or -}}; linear on any input.
    [GeneratedRegex(@"\{\{-?[^{}]*-?\}\}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Action();
}

using System.Globalization;

namespace EnMasse.Benchmarks.Report;

/// <summary>Min, median and max of repeated runs, and how figures are written.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    /// <summary>"median (min-max)" in the unit given.</summary>
    public static string Spread(IReadOnlyList<double> values, Func<double, string> format) =>
        values.Count == 1 ? format(values[0]) : $"{format(Median(values))} ({format(values.Min())}-{format(values.Max())})";

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Us(double us) => us.ToString(us < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " µs";

    public static string S(double s) => s.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Mb(double mb) => mb.ToString("0", CultureInfo.InvariantCulture) + " MB";

    public static string X(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string N(double n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}

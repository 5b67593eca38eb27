namespace EnMasse.Benchmarks.Report;

/// <summary>One line of the table: a figure, its value, its target, the baseline measured in the same run, and whether the target is met (null when there is none).</summary>
internal sealed record Row(string Figure, string Value, string Target, string Baseline, bool? Met);

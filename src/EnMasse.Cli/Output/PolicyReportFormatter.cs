using EnMasse.Policy.Audit;

namespace EnMasse.Cli.Output;

/// <summary><c>--output policyreport</c>: the audit as wgpolicyk8s.io/v1alpha2 PolicyReports, one per namespace, ready for kubectl apply -f.</summary>
internal static class PolicyReportFormatter
{
    public const string ReportName = "enmasse-policy";

    public static string Format(Report report)
    {
        var audit = report.Audit ?? throw new InvalidOperationException("policyreport renders an audit");
        var reports = PolicyReports.Build(report.Result, audit.PolicyName, ReportName, point: audit.Point);
        return YamlDocuments.Render(reports, $"# enmasse-policy audit of {audit.Source}: {reports.Count} PolicyReport{(reports.Count == 1 ? string.Empty : "s")}\n");
    }
}

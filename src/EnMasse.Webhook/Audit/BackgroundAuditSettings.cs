namespace EnMasse.Webhook.Audit;

/// <summary>What the background audit needs of the settings: how often, and the name of the PolicyReports it owns.</summary>
internal sealed record BackgroundAuditSettings(TimeSpan Period, string ReportName)
{
    /// <summary>The label that marks a PolicyReport as this webhook's, beside app.kubernetes.io/managed-by: enmasse-policy.</summary>
    public const string SourceLabel = "enmasse.io/background-audit";

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [SourceLabel] = ReportName };

    /// <summary>Selects exactly the reports this webhook wrote: both labels, with this report name.</summary>
    public string Selector => $"{EnMasse.Policy.Audit.PolicyReports.ManagedByLabel}={EnMasse.Policy.Audit.PolicyReports.Source},{SourceLabel}={ReportName}";
}

namespace EnMasse.Webhook.Diagnostics;

/// <summary>
/// The webhook's log lines, source-generated. None of them carries an object's values.
/// Event ids: 1-9 here (admission, trusted overrides, policy, certificate store), 20-29 the cluster feed
/// (Cluster/ClusterCatalogFeed), 30-39 self-managed certificates (Tls/SelfManagedCertificates), 40-49 the background
/// audit (Audit/BackgroundAudit).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Admission {Webhook} uid={Uid} {Kind} {Namespace}/{Name} {Operation}: allowed={Allowed} rules={Rules}")]
    public static partial void Reviewed(ILogger logger, string webhook, string uid, string? kind, string? @namespace, string? name, string operation, bool allowed, string rules);

    [LoggerMessage(2, LogLevel.Error, "Admission {Webhook} uid={Uid} failed inside the webhook; answering 500 so the failurePolicy decides")]
    public static partial void Failed(ILogger logger, Exception exception, string webhook, string uid);

    [LoggerMessage(3, LogLevel.Information, "Policy loaded from {Source}: {Plans} address space plans, {AddressPlans} address plans, {Objects} catalogue objects")]
    public static partial void PolicyLoaded(ILogger logger, string source, int plans, int addressPlans, int objects);

    [LoggerMessage(4, LogLevel.Error, "Policy reload from {Source} rejected; the last good policy keeps serving. {Findings}")]
    public static partial void PolicyRejected(ILogger logger, string source, string findings);

    [LoggerMessage(5, LogLevel.Information, "Serving certificate loaded from {Path}, expires {NotAfter:u}")]
    public static partial void CertificateLoaded(ILogger logger, string path, DateTime notAfter);

    [LoggerMessage(6, LogLevel.Error, "Serving certificate in {Path} could not be loaded; the previous one keeps serving")]
    public static partial void CertificateRejected(ILogger logger, Exception exception, string path);

    [LoggerMessage(7, LogLevel.Warning, "Bad admission call: {Status} {Reason}")]
    public static partial void BadCall(ILogger logger, int status, string reason);

    [LoggerMessage(9, LogLevel.Error, "{Count} catalogue changes from the cluster could not be applied one by one; rebuilding the catalogue from the policy, --catalog and every cluster object")]
    public static partial void CatalogRebuilt(ILogger logger, Exception exception, int count);

    [LoggerMessage(8, LogLevel.Warning, "Admission uid={Uid} {Kind} {Namespace}/{Name} {Operation}: errors not enforced for a requester trusted by spec.trustedRequesters {TrustedBy}; rules={Rules}")]
    public static partial void TrustedOverride(ILogger logger, string uid, string? kind, string? @namespace, string? name, string operation, string trustedBy, string rules);
}

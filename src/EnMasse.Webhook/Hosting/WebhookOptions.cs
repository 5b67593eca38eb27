using System.ComponentModel;

namespace EnMasse.Webhook.Hosting;

/// <summary>
/// The webhook's settings, bound by ASP.NET configuration from ENMASSE_WEBHOOK_* variables and
/// flags (flags win) and validated at start. Each key names its variable (ENMASSE_WEBHOOK_KEY)
/// and its flag (--key, lower case, '-' for '_'); --help lists them from here. Relative paths
/// are relative to the working directory, as for kubectl or helm.
/// </summary>
internal sealed class WebhookOptions
{
    [ConfigurationKeyName("PORT"), Description("HTTPS port (0 picks a free one)")]
    public int Port { get; set; } = 8443;

    [ConfigurationKeyName("ADDRESS"), Description("IP address to listen on")]
    public string Address { get; set; } = "0.0.0.0";

    [ConfigurationKeyName("CERT_DIR"), Description("directory holding tls.crt and tls.key, read again when they change")]
    public string CertDir { get; set; } = "certs";

    [ConfigurationKeyName("DEV_CERT"), Description("create a development CA and pair in the certificate directory when none is there (also when ASPNETCORE_ENVIRONMENT=Development)")]
    public bool DevCert { get; set; }

    [ConfigurationKeyName("POLICIES"), Description("policy directory (policy.yaml, plans/), reloaded when it changes; a broken edit is rejected")]
    public string Policies { get; set; } = "policies";

    [ConfigurationKeyName("CATALOG"), Description("objects that exist: a file or directory, as the CLI's --catalog (repeatable; the variable takes a comma-separated list)")]
    public List<string> Catalog { get; set; } = [];

    [ConfigurationKeyName("CATALOG_SOURCE"), Description("files (--catalog) or cluster (list and watch through kubeconfig or the pod's service account)")]
    public CatalogSource CatalogSource { get; set; } = CatalogSource.Files;

    [ConfigurationKeyName("BACKGROUND_AUDIT"), Description("judge the catalogue's AddressSpaces, Addresses and MessagingUsers on a period and after each policy reload; publish a PolicyReport (wgpolicyk8s.io/v1alpha2) per namespace and the enmasse_policy_violations gauge (needs --catalog-source cluster)")]
    public bool BackgroundAudit { get; set; }

    [ConfigurationKeyName("BACKGROUND_AUDIT_PERIOD_SECONDS"), Description("background audit: seconds between audits")]
    public int BackgroundAuditPeriodSeconds { get; set; } = 3600;

    [ConfigurationKeyName("POLICY_REPORT_NAME"), Description("background audit: the name of the PolicyReport written in each namespace; only reports of this name and the webhook's labels are ever changed or deleted")]
    public string PolicyReportName { get; set; } = "enmasse-policy";

    [ConfigurationKeyName("CERT_MODE"), Description("files (a mounted pair) or self-managed (kept and rotated in a Secret)")]
    public CertMode CertMode { get; set; } = CertMode.Files;

    [ConfigurationKeyName("SELF_MANAGED_SECRET"), Description("self-managed: the Secret that keeps the CA and the pair")]
    public string? SelfManagedSecret { get; set; }

    [ConfigurationKeyName("SERVICE"), Description("self-managed: the webhook's Service, named in the certificate")]
    public string? Service { get; set; }

    [ConfigurationKeyName("WEBHOOK_CONFIGURATION"), Description("self-managed: the name of both webhook configurations whose caBundle is patched")]
    public string? WebhookConfiguration { get; set; }

    [ConfigurationKeyName("NAMESPACE"), Description("self-managed: the namespace of the Secret (default: POD_NAMESPACE)")]
    public string? Namespace { get; set; }

    [ConfigurationKeyName("SELF_MANAGED_VALIDITY_DAYS"), Description("self-managed: validity of the serving certificate in days (the CA gets 10x)")]
    public int SelfManagedValidityDays { get; set; } = 365;

    [ConfigurationKeyName("SELF_MANAGED_RENEW_BEFORE_DAYS"), Description("self-managed: renew this many days before expiry")]
    public int SelfManagedRenewBeforeDays { get; set; } = 30;
}

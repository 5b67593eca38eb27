using System.Net;
using Microsoft.Extensions.Options;

namespace EnMasse.Webhook.Hosting;

/// <summary>Everything about the settings that binding cannot check; run at start (ValidateOnStart) so a bad setting stops the server at once.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"--port takes a number from 0 to 65535, not \"{options.Port}\"");
        }

        if (!IPAddress.TryParse(options.Address, out _))
        {
            failures.Add($"--address takes an IP address, not \"{options.Address}\"");
        }

        if (options.SelfManagedValidityDays < 1)
        {
            failures.Add($"--self-managed-validity-days takes a whole number of days, not \"{options.SelfManagedValidityDays}\"");
        }

        if (options.SelfManagedRenewBeforeDays < 1)
        {
            failures.Add($"--self-managed-renew-before-days takes a whole number of days, not \"{options.SelfManagedRenewBeforeDays}\"");
        }

        if (options.CertMode == CertMode.SelfManaged
            && (options.SelfManagedSecret is null || options.Service is null || options.WebhookConfiguration is null || options.Namespace is null))
        {
            failures.Add("--cert-mode self-managed needs --self-managed-secret, --service, --webhook-configuration and --namespace (or POD_NAMESPACE)");
        }

        if (options.BackgroundAudit && options.CatalogSource != CatalogSource.Cluster)
        {
            failures.Add("--background-audit needs --catalog-source cluster: it audits the cluster's objects and writes PolicyReports through the API");
        }

        if (options.BackgroundAuditPeriodSeconds < 10)
        {
            failures.Add($"--background-audit-period-seconds takes at least 10, not \"{options.BackgroundAuditPeriodSeconds}\"");
        }

        if (!EnMasse.Policy.Naming.Names.IsDnsSubdomain(options.PolicyReportName))
        {
            failures.Add($"--policy-report-name takes an object name (lowercase letters, digits, '-' and '.'), not \"{options.PolicyReportName}\"");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

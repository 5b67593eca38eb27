using EnMasse.Webhook.Hosting;
using Microsoft.Extensions.Configuration;

namespace EnMasse.Webhook.Tests;

public sealed class WebhookOptionsTests
{
    private static (WebhookOptions? Options, string? Error) Parse(params string[] args) => WebhookSettings.Load(args, WebhookServer.NoVariables);

    private static IConfiguration Variables(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Flags_set_the_settings_and_catalog_repeats()
    {
        var (options, error) = Parse("--port", "9443", "--address=127.0.0.1", "--cert-dir", "/tmp/c", "--dev-cert", "--catalog", "/a.yaml", "--catalog", "/b.yaml");
        Assert.Null(error);
        Assert.Equal(9443, options!.Port);
        Assert.Equal("127.0.0.1", options.Address);
        Assert.Equal("/tmp/c", options.CertDir);
        Assert.True(options.DevCert);
        Assert.Equal(["/a.yaml", "/b.yaml"], options.Catalog);
    }

    [Fact]
    public void Configuration_is_used_when_no_flag_is_given()
    {
        var (options, _) = WebhookSettings.Load([], Variables(("PORT", "7443")));
        Assert.Equal(7443, options!.Port);
        Assert.False(options.DevCert);
    }

    [Fact]
    public void A_flag_overrides_its_variable_and_the_catalog_variable_takes_a_list()
    {
        var (options, error) = WebhookSettings.Load(["--port=9443"], Variables(("PORT", "7443"), ("CATALOG", "/a.yaml, /b.yaml"), ("CERT_MODE", "files")));
        Assert.Null(error);
        Assert.Equal(9443, options!.Port);
        Assert.Equal(["/a.yaml", "/b.yaml"], options.Catalog);
    }

    [Fact]
    public void Modes_are_read_into_their_enums()
    {
        var (options, error) = Parse("--catalog-source=cluster", "--cert-mode", "self-managed", "--self-managed-secret=s", "--service=svc", "--webhook-configuration=w", "--namespace=ns");
        Assert.Null(error);
        Assert.Equal(CatalogSource.Cluster, options!.CatalogSource);
        Assert.Equal(CertMode.SelfManaged, options.CertMode);
    }

    [Theory]
    [InlineData("--port", "eighty")]
    [InlineData("--port", "70000")]
    [InlineData("--address", "localhost:1")]
    [InlineData("--catalog-source", "etcd")]
    [InlineData("--cert-mode", "vault")]
    [InlineData("--self-managed-validity-days", "0")]
    [InlineData("--verbose")]
    [InlineData("--port")]
    public void Bad_settings_are_refused_with_a_message(params string[] args)
    {
        var (options, error) = Parse(args);
        Assert.Null(options);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--background-audit needs --catalog-source cluster: it audits the cluster's objects and writes PolicyReports through the API", "--background-audit")]
    [InlineData("--background-audit-period-seconds takes at least 10, not \"5\"", "--catalog-source=cluster", "--background-audit", "--background-audit-period-seconds=5")]
    [InlineData("--policy-report-name takes an object name (lowercase letters, digits, '-' and '.'), not \"Audit Report\"", "--catalog-source=cluster", "--background-audit", "--policy-report-name", "Audit Report")]
    public void The_background_audit_settings_are_checked(string message, params string[] args)
    {
        var (options, error) = Parse(args);
        Assert.Null(options);
        Assert.Equal(message, error);
    }

    [Fact]
    public void The_background_audit_is_off_by_default_and_hourly_when_on()
    {
        Assert.False(Parse().Options!.BackgroundAudit);
        var (options, error) = Parse("--catalog-source=cluster", "--background-audit");
        Assert.Null(error);
        Assert.True(options!.BackgroundAudit);
        Assert.Equal(3600, options.BackgroundAuditPeriodSeconds);
        Assert.Equal("enmasse-policy", options.PolicyReportName);
    }

    [Fact]
    public void A_bad_value_names_its_flag()
    {
        var (_, error) = Parse("--catalog-source", "etcd");
        Assert.StartsWith("--catalog-source: ", error, StringComparison.Ordinal);
        Assert.Contains("files, cluster", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_turns_on_the_development_certificate() =>
        Assert.True(WebhookSettings.Load([], WebhookServer.NoVariables, development: true).Options!.DevCert);

    [Fact]
    public void Help_lists_every_flag_with_its_variable()
    {
        foreach (var flag in new[] { "--port", "--address", "--cert-dir", "--dev-cert", "--policies", "--catalog", "--catalog-source", "--cert-mode", "--self-managed-secret", "--service", "--webhook-configuration", "--namespace", "--self-managed-validity-days", "--self-managed-renew-before-days" })
        {
            Assert.Contains($"  {flag}", WebhookSettings.Help, StringComparison.Ordinal);
            Assert.Contains($"env ENMASSE_WEBHOOK_{flag[2..].Replace('-', '_').ToUpperInvariant()}\n", WebhookSettings.Help, StringComparison.Ordinal);
        }

        Assert.Contains("(default 8443)", WebhookSettings.Help, StringComparison.Ordinal);
        Assert.Contains("(default files)", WebhookSettings.Help, StringComparison.Ordinal);
    }
}

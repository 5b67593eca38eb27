using Prometheus;

namespace EnMasse.Webhook.Diagnostics;

/// <summary>The metrics of webhook.md; their names are part of the contract. One registry per host so tests do not share counters.</summary>
internal sealed class WebhookMetrics
{
    public WebhookMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        Requests = factory.CreateCounter("enmasse_admission_requests_total", "Admission reviews answered.", "webhook", "kind", "operation", "allowed", "dry_run");
        Duration = factory.CreateHistogram("enmasse_admission_duration_seconds", "Time to answer an admission review.", new HistogramConfiguration
        {
            LabelNames = ["webhook"],
            Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
        });
        Findings = factory.CreateCounter("enmasse_admission_findings_total", "Findings reported, exempted ones included.", "rule", "severity");
        TrustedOverrides = factory.CreateCounter("enmasse_admission_trusted_overrides_total", "Error findings not enforced because the policy trusts the requester (spec.trustedRequesters).", "rule");
        Reloads = factory.CreateCounter("enmasse_policy_reloads_total", "Policy loads by result.", "result");
        CatalogObjects = factory.CreateGauge("enmasse_catalog_objects", "Objects in the catalogue by kind.", "kind");
        CertificateExpiry = factory.CreateGauge("enmasse_certificate_expiry_timestamp_seconds", "Expiry of the serving certificate, Unix seconds.");
        Violations = factory.CreateGauge("enmasse_policy_violations", "Findings of the last background audit that deny or warn, by namespace, rule and severity (exempted ones left out).", "namespace", "rule", "severity");
        Audits = factory.CreateCounter("enmasse_policy_audits_total", "Background audits by result: published, or failed (the reports could not be written; the gauge is still set).", "result");
    }

    public CollectorRegistry Registry { get; }

    public Counter Requests { get; }

    public Histogram Duration { get; }

    public Counter Findings { get; }

    /// <summary>Labelled by rule id only: a closed set, whoever the requester was.</summary>
    public Counter TrustedOverrides { get; }

    public Counter Reloads { get; }

    public Gauge CatalogObjects { get; }

    public Gauge CertificateExpiry { get; }

    /// <summary>Labelled by namespace (bounded by the catalogue), rule (the registry's ids) and severity (error, warning).</summary>
    public Gauge Violations { get; }

    public Counter Audits { get; }
}

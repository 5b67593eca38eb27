using System.Threading.Channels;
using EnMasse.Policy.Audit;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Vocabulary;
using EnMasse.Webhook.Cluster;
using EnMasse.Webhook.Diagnostics;
using EnMasse.Webhook.Serving;

namespace EnMasse.Webhook.Audit;

/// <summary>
/// The webhook's background audit: once the first lists arrived, after each good policy reload
/// and on a period, judges the served catalogue's tenant objects exactly as
/// <c>enmasse-policy audit</c> judges them (each an UPDATE of itself, no ratcheting, at the
/// admission severities), sets <c>enmasse_policy_violations</c> and publishes PolicyReports.
/// Reviews never wait for it: it reads the same immutable snapshot they read. Nothing it meets
/// stops the host; a failed run is logged, counted and retried at the next trigger.
/// </summary>
internal sealed partial class BackgroundAudit : BackgroundService
{
    private readonly PolicyState _state;
    private readonly ClusterCatalogFeed _feed;
    private readonly PolicyReportPublisher _publisher;
    private readonly WebhookMetrics _metrics;
    private readonly BackgroundAuditSettings _settings;
    private readonly ILogger<BackgroundAudit> _logger;

    // Requests that wait while a run goes on merge into the next run, which answers them all.
    private readonly Channel<(string Reason, TaskCompletionSource<Run>? Done)> _requests = Channel.CreateUnbounded<(string, TaskCompletionSource<Run>?)>();
    private HashSet<(string Namespace, string Rule, string Severity)> _series = [];
    private volatile bool _audited;
    private volatile bool _firstRequested;

    public BackgroundAudit(PolicyState state, ClusterCatalogFeed feed, PolicyReportPublisher publisher, WebhookMetrics metrics, BackgroundAuditSettings settings, ILogger<BackgroundAudit> logger)
    {
        _state = state;
        _feed = feed;
        _publisher = publisher;
        _metrics = metrics;
        _settings = settings;
        _logger = logger;
        state.Reloaded += loaded =>
        {
            if (loaded)
            {
                Request("policy reload");
            }
        };
        feed.Published += _ =>
        {
            if (!_audited && !_firstRequested && feed.AllListed)
            {
                _firstRequested = true;
                Request("first lists");
            }
        };
    }

    /// <summary>What one run judged and published; raised after each run, so tests wait on it instead of sleeping.</summary>
    public sealed record Run(string Reason, int Objects, int Errors, int Warnings, PolicyReportPublisher.Outcome? Outcome);

    public event Action<Run>? Completed;

    /// <summary>Asks for an audit as soon as the one running (if any) is done.</summary>
    public void Request(string reason) => _requests.Writer.TryWrite((reason, null));

    /// <summary>An audit that starts after this call: the run that answers it judged the catalogue as it was then or later.</summary>
    public Task<Run> AuditAsync(string reason)
    {
        var done = new TaskCompletionSource<Run>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite((reason, done));
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticks = TickAsync(stoppingToken);
        try
        {
            var waiting = new List<(string Reason, TaskCompletionSource<Run>? Done)>();
            while (await _requests.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_requests.Reader.TryRead(out var request))
                {
                    waiting.Add(request);
                }

                // AllListed, not Ready: a run over a catalogue whose addresses are not listed yet
                // would publish reports that miss them, and delete the report of a namespace
                // whose objects have not arrived.
                if (!_feed.AllListed || _state.Current is null)
                {
                    continue; // kept until the first lists are in, which ask again
                }

                var run = await RunOnceAsync(string.Join(", ", waiting.Select(w => w.Reason).Distinct(StringComparer.Ordinal)), stoppingToken);
                foreach (var (_, done) in waiting)
                {
                    done?.TrySetResult(run);
                }

                waiting.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await ticks;
    }

    private async Task TickAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_settings.Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Request("period");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<Run> RunOnceAsync(string reason, CancellationToken stop)
    {
        try
        {
            var current = _state.Current!;
            // Judging thousands of objects is CPU work: off the loop's thread, and never on a review's.
            var result = await Task.Run(() => Auditor.Judge(current.Engine, current.Catalog, current.Catalog.Objects, EnforcementPoint.Admission), stop);
            _audited = true;
            SetGauge(result);
            var reports = PolicyReports.Build(result, current.Engine.Policy.Name, _settings.ReportName, _settings.Labels);
            var outcome = await _publisher.PublishAsync(reports, stop);
            _metrics.Audits.WithLabels(outcome.Published ? "published" : "failed").Inc();
            LogAudited(_logger, reason, result.Resources.Count, result.Errors, result.Warnings, outcome.Created, outcome.Updated, outcome.Deleted, outcome.Unchanged);
            if (outcome.Problem is { } problem)
            {
                LogNotPublished(_logger, problem);
            }

            return Done(new Run(reason, result.Resources.Count, result.Errors, result.Warnings, outcome));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return new Run(reason, 0, 0, 0, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _metrics.Audits.WithLabels("failed").Inc();
            LogFailed(_logger, e, reason);
            return Done(new Run(reason, 0, 0, 0, null));
        }
    }

    private Run Done(Run run)
    {
        Completed?.Invoke(run);
        return run;
    }

    /// <summary>Sets each (namespace, rule, severity) that has findings, and removes the series of those that no longer do.</summary>
    private void SetGauge(BatchResult result)
    {
        var counts = result.Findings
            .Where(f => f.Denies || f.Warns)
            .GroupBy(f => (f.Namespace ?? string.Empty, f.Rule, f.Severity.ToName()))
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var ((ns, rule, severity), count) in counts)
        {
            _metrics.Violations.WithLabels(ns, rule, severity).Set(count);
        }

        foreach (var gone in _series.Where(s => !counts.ContainsKey(s)))
        {
            _metrics.Violations.RemoveLabelled(gone.Namespace, gone.Rule, gone.Severity);
        }

        _series = [.. counts.Keys];
    }

    [LoggerMessage(40, LogLevel.Information, "Background audit ({Reason}): {Objects} objects, {Errors} errors, {Warnings} warnings; PolicyReports {Created} created, {Updated} updated, {Deleted} deleted, {Unchanged} unchanged")]
    private static partial void LogAudited(ILogger logger, string reason, int objects, int errors, int warnings, int created, int updated, int deleted, int unchanged);

    [LoggerMessage(41, LogLevel.Warning, "Background audit: {Problem}; the enmasse_policy_violations gauge is set all the same")]
    private static partial void LogNotPublished(ILogger logger, string problem);

    [LoggerMessage(42, LogLevel.Error, "Background audit ({Reason}) failed; the next period or policy reload tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}

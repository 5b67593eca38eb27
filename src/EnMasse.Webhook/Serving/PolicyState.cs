using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Vocabulary;
using EnMasse.Webhook.Diagnostics;

namespace EnMasse.Webhook.Serving;

/// <summary>
/// Loads the policy directory and the --catalog files, and reloads them when they change. A
/// reload that fails leaves the last good state serving and says so in the log and a metric.
/// </summary>
internal sealed class PolicyState : IDisposable
{
    private readonly PolicySources _options;
    private readonly WebhookMetrics _metrics;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private DebouncedWatcher? _watcher;
    private ServingState? _current;
    private PolicyBundle? _bundle;
    private IReadOnlyList<Resource> _fileObjects = [];
    private IReadOnlyList<Resource> _clusterObjects = [];

    public PolicyState(PolicySources options, WebhookMetrics metrics, ILogger<PolicyState> logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Raised after every reload attempt with its outcome; tests wait on it instead of sleeping.</summary>
    public event Action<bool>? Reloaded;

    public ServingState? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Loads the policy and the --catalog files; true when the new state serves. Anything that
    /// goes wrong, an exception included, is a rejected reload: the last good state keeps
    /// serving, and the process never dies of it (this runs on the watcher's timer thread).
    /// </summary>
    public bool Reload()
    {
        lock (_gate)
        {
            string? rejection;
            try
            {
                rejection = TryLoad();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                rejection = $"{e.GetType().Name}: {e.Message}";
            }

            if (rejection is not null)
            {
                _metrics.Reloads.WithLabels("failure").Inc();
                Log.PolicyRejected(_logger, _options.Policies, rejection);
                Reloaded?.Invoke(false);
                return false;
            }

            var catalog = Current!.Catalog;
            _metrics.Reloads.WithLabels("success").Inc();
            Log.PolicyLoaded(_logger, _options.Policies, catalog.AddressSpacePlans.Count, catalog.AddressPlans.Count, catalog.Counts.Values.Sum());
            Reloaded?.Invoke(true);
            return true;
        }
    }

    /// <summary>Reads everything first and swaps only when all of it is good; returns why not otherwise.</summary>
    private string? TryLoad()
    {
        var loaded = PolicyLoader.LoadDirectory(_options.Policies);
        if (!loaded.Succeeded)
        {
            return Describe(loaded.Findings);
        }

        // The same reader and the same refusals as the CLI's --catalog.
        var (files, error) = InputReader.Read(_options.Catalog, stdin: null, Environment.CurrentDirectory);
        if (error is not null)
        {
            return "--catalog " + error;
        }

        if (files.SelectMany(f => f.FileFindings).ToList() is { Count: > 0 } broken)
        {
            return "a --catalog file does not parse: " + Describe(broken);
        }

        _bundle = loaded.Bundle!;
        _fileObjects = [.. files.SelectMany(f => Resource.AllIn(f, Resource.DefaultNamespace)).Select(r => r.Resource)];
        Publish();
        return null;
    }

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join(" | ", findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Rule} {f.Message}"));

    /// <summary>
    /// Lays the cluster's objects over the policy's plans and the --catalog files, and swaps the
    /// result in. The objects are read inside the lock: several watches publish at once, and a
    /// snapshot taken before the lock could overwrite a newer one.
    /// </summary>
    public void SetClusterObjects(Func<IReadOnlyList<Resource>> read)
    {
        lock (_gate)
        {
            _clusterObjects = read();
            if (_bundle is not null)
            {
                Publish();
            }
        }
    }

    private void Publish()
    {
        var catalog = new CatalogBuilder(_bundle!.Published).AddRange(_fileObjects).AddRange(_clusterObjects).WithOrigin(_options.Origin).Build();
        Volatile.Write(ref _current, new ServingState(new PolicyEngine(_bundle), catalog));
        foreach (var (kind, count) in catalog.Counts)
        {
            _metrics.CatalogObjects.WithLabels(kind).Set(count);
        }
    }

    /// <summary>Watches the policy directory, also through its deletion and return; a burst of changes becomes one reload.</summary>
    public void Watch() => _watcher = new DebouncedWatcher(_options.Policies, recursive: true, () => Reload());

    public void Dispose() => _watcher?.Dispose();
}

using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Engine;
using EnMasse.Policy.Policies;
using Microsoft.Extensions.Logging;

namespace EnMasse.Webhook.Hosting;

/// <summary>The engine and catalogue the webhook serves, swapped together, whole, on a good reload.</summary>
internal sealed record ServingState(PolicyEngine Engine, CatalogSnapshot Catalog);

/// <summary>
/// Loads the policy directory and the --catalog files, and reloads them when they change. A
/// reload that fails leaves the last good state serving and says so in the log and a metric.
/// </summary>
internal sealed class PolicyState : IDisposable
{
    private readonly WebhookOptions _options;
    private readonly WebhookMetrics _metrics;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private DebouncedWatcher? _watcher;
    private ServingState? _current;
    private PolicyBundle? _bundle;
    private IReadOnlyList<Policy.Model.Resource> _fileObjects = [];
    private IReadOnlyList<Policy.Model.Resource> _clusterObjects = [];

    public PolicyState(WebhookOptions options, WebhookMetrics metrics, ILogger<PolicyState> logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Raised after every reload attempt with its outcome; tests wait on it instead of sleeping.</summary>
    public event Action<bool>? Reloaded;

    public ServingState? Current => Volatile.Read(ref _current);

    public bool Reload()
    {
        lock (_gate)
        {
            var loaded = PolicyLoader.LoadDirectory(_options.Policies);
            if (!loaded.Succeeded)
            {
                _metrics.Reloads.WithLabels("failure").Inc();
                Log.PolicyRejected(_logger, _options.Policies, string.Join(" | ", loaded.Findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Rule} {f.Message}")));
                Reloaded?.Invoke(false);
                return false;
            }

            var fileObjects = new List<Policy.Model.Resource>();
            foreach (var path in _options.Catalog)
            {
                foreach (var file in CatalogFiles(path))
                {
                    var read = DocumentLoader.Load(file, File.ReadAllBytes(file));
                    fileObjects.AddRange(BatchValidator.Resources(read, BatchValidator.DefaultNamespace).Select(r => r.Resource));
                }
            }

            _bundle = loaded.Bundle!;
            _fileObjects = fileObjects;
            var catalog = Publish();
            _metrics.Reloads.WithLabels("success").Inc();
            Log.PolicyLoaded(_logger, _options.Policies, catalog.AddressSpacePlans.Count, catalog.AddressPlans.Count, catalog.Counts.Values.Sum());
            Reloaded?.Invoke(true);
            return true;
        }
    }

    /// <summary>
    /// Lays the cluster's objects over the policy's plans and the --catalog files, and swaps the
    /// result in. The objects are read inside the lock: several watches publish at once, and a
    /// snapshot taken before the lock could overwrite a newer one.
    /// </summary>
    public void SetClusterObjects(Func<IReadOnlyList<Policy.Model.Resource>> read)
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

    private CatalogSnapshot Publish()
    {
        var catalog = new CatalogBuilder(_bundle!.Published).AddRange(_fileObjects).AddRange(_clusterObjects).Build();
        Volatile.Write(ref _current, new ServingState(new PolicyEngine(_bundle), catalog));
        foreach (var (kind, count) in catalog.Counts)
        {
            _metrics.CatalogObjects.WithLabels(kind).Set(count);
        }

        return catalog;
    }

    /// <summary>Watches the policy directory; a burst of changes becomes one reload.</summary>
    public void Watch()
    {
        if (Directory.Exists(_options.Policies))
        {
            _watcher = new DebouncedWatcher(_options.Policies, recursive: true, () => Reload());
        }
    }

    public void Dispose() => _watcher?.Dispose();

    private static IEnumerable<string> CatalogFiles(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
            : File.Exists(path) ? [path] : [];
}

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

    /// <summary>The policy's plans and the --catalog objects: what the cluster's objects are laid over.</summary>
    private CatalogSnapshot _base = CatalogSnapshot.Empty;

    /// <summary>
    /// The cluster's objects, by key, to lay them over a reloaded base: the entry (none for an
    /// object the indexes have no place for) and the object whole when it is kept.
    /// </summary>
    private readonly Dictionary<ObjectKey, (CatalogEntry? Entry, Resource? Tree)> _overlay = [];

    /// <summary>True when the served catalogue lacks changes already in <see cref="_overlay"/>: the next change rebuilds it from base and overlay.</summary>
    private bool _stale;

    public PolicyState(PolicySources options, WebhookMetrics metrics, ILogger<PolicyState> logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Raised after every reload attempt with its outcome; tests wait on it instead of sleeping.</summary>
    public event Action<bool>? Reloaded;

    public ServingState? Current => Volatile.Read(ref _current);

    /// <summary>True when the catalogue keeps the cluster's objects whole (for the background audit), not only what the rules read.</summary>
    public bool KeepsObjects => _options.KeepObjects;

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

            // Reading a large --catalog leaves its text and parse garbage behind: give the memory
            // back to the system now rather than serve with a heap sized for the load.
            if (_base.Counts.Values.Sum() > 10_000)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

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

        // The same reader and the same refusals as the CLI's --catalog; the objects go straight
        // into the catalogue as they are read, so a dump of a whole cluster is never held as trees.
        var bundle = loaded.Bundle!;
        var builder = new CatalogBuilder(bundle.Published) { KeepingObjects = KeepsObjects };
        var (files, error) = InputReader.Read(_options.Catalog, stdin: null, Environment.CurrentDirectory, DocumentLimits.Catalog, sink: new CatalogSink(builder, Resource.DefaultNamespace));
        if (error is not null)
        {
            return "--catalog " + error;
        }

        if (files.SelectMany(f => f.FileFindings).ToList() is { Count: > 0 } broken)
        {
            return "a --catalog file does not parse: " + Describe(broken);
        }

        _bundle = bundle;
        _base = builder.Build();
        Publish(Overlaid());
        _stale = false;
        return null;
    }

    /// <summary>The base with the cluster's objects laid over it: a full build, what the incremental one must equal.</summary>
    private CatalogSnapshot Overlaid()
    {
        var served = new CatalogBuilder(_base).WithOrigin(_options.Origin);
        foreach (var (key, (entry, tree)) in _overlay)
        {
            served.Put(key, entry, tree);
        }

        return served.Build();
    }

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join(" | ", findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.Rule} {f.Message}"));

    /// <summary>
    /// Applies changes of the cluster's objects to the served catalogue: per key, an entry
    /// and/or the object whole (an object the indexes have no place for is kept for the audit),
    /// or neither for a deletion. The cost is that of the changes, not of the catalogue. A deleted
    /// object that the --catalog files or the policy also hold falls back to their version, entry
    /// and object both. Until the first good load the changes are only kept, to be laid over it.
    /// Should the incremental build fail, the catalogue is rebuilt from the base and every cluster
    /// object, so what serves always matches what the feed has seen; should that fail too, the
    /// exception reaches the caller and the next change tries the rebuild again.
    /// </summary>
    public void ApplyClusterChanges(IReadOnlyList<(ObjectKey Key, CatalogEntry? Entry, Resource? Tree)> changes)
    {
        lock (_gate)
        {
            foreach (var (key, entry, tree) in changes)
            {
                if (entry is null && tree is null)
                {
                    _overlay.Remove(key);
                }
                else
                {
                    _overlay[key] = (entry, tree);
                }
            }

            if (Current is not { } current)
            {
                return;
            }

            var rebuild = _stale;
            _stale = true;
            CatalogSnapshot? next = null;
            if (!rebuild)
            {
                try
                {
                    next = Incremental(current.Catalog, changes);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Log.CatalogRebuilt(_logger, e, changes.Count);
                }
            }

            Publish(next ?? Overlaid());
            _stale = false;
        }
    }

    private CatalogSnapshot Incremental(CatalogSnapshot current, IReadOnlyList<(ObjectKey Key, CatalogEntry? Entry, Resource? Tree)> changes)
    {
        var builder = new CatalogBuilder(current);
        foreach (var (key, entry, tree) in changes)
        {
            if (entry is null && tree is null)
            {
                builder.Put(key, _base.Entry(key), _base.ObjectOf(key));
            }
            else
            {
                builder.Put(key, entry, tree);
            }
        }

        return builder.Build();
    }

    private void Publish(CatalogSnapshot catalog)
    {
        Volatile.Write(ref _current, new ServingState(new PolicyEngine(_bundle!), catalog));
        foreach (var (kind, count) in catalog.Counts)
        {
            _metrics.CatalogObjects.WithLabels(kind).Set(count);
        }
    }

    /// <summary>Watches the policy directory, also through its deletion and return; a burst of changes becomes one reload.</summary>
    public void Watch() => _watcher = new DebouncedWatcher(_options.Policies, recursive: true, () => Reload());

    public void Dispose() => _watcher?.Dispose();
}

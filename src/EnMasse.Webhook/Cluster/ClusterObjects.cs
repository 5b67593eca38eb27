using EnMasse.Policy.Catalog;
using EnMasse.Policy.Model;

namespace EnMasse.Webhook.Cluster;

/// <summary>
/// Which objects each watched resource has brought, by key, so that a relist can say what
/// went away while the watch was down. Turns the feed's events into catalogue changes. Used
/// by the feed's one applying loop only.
/// </summary>
internal sealed class ClusterObjects
{
    private readonly Dictionary<WatchedResource, HashSet<ObjectKey>> _byResource = [];
    private readonly HashSet<WatchedResource> _listed = [];
    private readonly Lock _listedGate = new();

    /// <summary>A fresh list replaces the resource's objects whole: what it lacks is deleted.</summary>
    public void Relist(WatchedResource resource, IReadOnlyList<(ObjectKey Key, CatalogEntry? Entry, Resource? Tree)> entries, List<(ObjectKey, CatalogEntry?, Resource?)> changes)
    {
        var fresh = entries.Select(e => e.Key).ToHashSet();
        if (_byResource.TryGetValue(resource, out var known))
        {
            changes.AddRange(known.Where(k => !fresh.Contains(k)).Select(k => (k, (CatalogEntry?)null, (Resource?)null)));
        }

        changes.AddRange(entries);
        _byResource[resource] = fresh;
        lock (_listedGate)
        {
            _listed.Add(resource);
        }
    }

    /// <summary>An object added or changed: its entry, its tree, or both (never neither, which is a deletion).</summary>
    public void Upsert(WatchedResource resource, ObjectKey key, CatalogEntry? entry, Resource? tree, List<(ObjectKey, CatalogEntry?, Resource?)> changes)
    {
        Known(resource).Add(key);
        changes.Add((key, entry, tree));
    }

    public void Delete(WatchedResource resource, ObjectKey key, List<(ObjectKey, CatalogEntry?, Resource?)> changes)
    {
        if (Known(resource).Remove(key))
        {
            changes.Add((key, null, null));
        }
    }

    /// <summary>True once a list of the resource has reached the catalogue; read by /readyz from any thread.</summary>
    public bool Listed(WatchedResource resource)
    {
        lock (_listedGate)
        {
            return _listed.Contains(resource);
        }
    }

    private HashSet<ObjectKey> Known(WatchedResource resource) =>
        _byResource.TryGetValue(resource, out var known) ? known : _byResource[resource] = [];
}

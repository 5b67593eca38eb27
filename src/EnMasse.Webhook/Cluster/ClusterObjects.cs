using System.Collections.Concurrent;
using EnMasse.Policy.Catalog;
using EnMasse.Policy.Model;

namespace EnMasse.Webhook.Cluster;

/// <summary>
/// The objects the watches have seen, per resource. A relist replaces one resource's objects
/// whole; until it succeeds the last good ones stay.
/// </summary>
internal sealed class ClusterObjects
{
    private readonly ConcurrentDictionary<WatchedResource, ConcurrentDictionary<ObjectKey, Resource>> _byResource = new();
    private readonly ConcurrentDictionary<WatchedResource, bool> _listed = new();

    public void Replace(WatchedResource resource, IEnumerable<Resource> objects)
    {
        var fresh = new ConcurrentDictionary<ObjectKey, Resource>();
        foreach (var item in objects)
        {
            fresh[Key(item)] = item;
        }

        _byResource[resource] = fresh;
        _listed[resource] = true;
    }

    public void Upsert(WatchedResource resource, Resource item) => _byResource.GetOrAdd(resource, _ => new())[Key(item)] = item;

    public void Delete(WatchedResource resource, Resource item) => _byResource.GetOrAdd(resource, _ => new()).TryRemove(Key(item), out _);

    public bool Listed(WatchedResource resource) => _listed.ContainsKey(resource);

    public IEnumerable<Resource> All => _byResource.Values.SelectMany(d => d.Values);

    private static ObjectKey Key(Resource item) => new(item.Kind, item.Namespace, item.Name);
}

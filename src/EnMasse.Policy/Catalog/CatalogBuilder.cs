using System.Collections.Immutable;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// Makes a new catalogue from a basis and some changes, whatever fed them (policy files,
/// --catalog files, the checked files themselves, or a cluster watch). A later object with
/// the same identity replaces an earlier one. The cost is that of the changes, never of the
/// basis: starting from a snapshot copies nothing, and only the partitions a change touches
/// are rebuilt.
/// </summary>
public sealed class CatalogBuilder
{
    private readonly InfraObjects _basisInfra;
    private readonly ImmutableDictionary<SpaceKey, AddressSpaceEntry>.Builder _spaces;
    private readonly ImmutableDictionary<SpaceKey, SpacePartition>.Builder _partitions;
    private readonly ImmutableDictionary<string, int>.Builder _spacesPerNamespace;
    private readonly ImmutableDictionary<string, ImmutableSortedSet<SpaceKey>>.Builder _realms;
    private readonly Dictionary<SpaceKey, SpacePartition.Builder> _touched = [];
    private readonly ImmutableDictionary<ObjectKey, Resource>.Builder _trees;
    private Dictionary<ObjectKey, CatalogEntry>? _infra;
    private string _origin;
    private int _addresses;
    private int _users;

    public CatalogBuilder()
        : this(CatalogSnapshot.Empty)
    {
    }

    /// <summary>Starts from an existing snapshot, to lay changes over it; the snapshot itself does not change.</summary>
    public CatalogBuilder(CatalogSnapshot basis)
    {
        _basisInfra = basis.Infra;
        _spaces = basis.Spaces.ToBuilder();
        _partitions = basis.Partitions.ToBuilder();
        _spacesPerNamespace = basis.SpacesPerNamespace.ToBuilder();
        _realms = basis.Realms.ToBuilder();
        _trees = basis.Trees.ToBuilder();
        _origin = basis.Origin;
        _addresses = basis.AddressTotal;
        _users = basis.UserTotal;
    }

    /// <summary>Names where the objects come from, for messages that count them (<see cref="ICatalog.Origin"/>).</summary>
    public CatalogBuilder WithOrigin(string origin)
    {
        _origin = origin;
        return this;
    }

    public CatalogBuilder AddRange(IEnumerable<Resource> resources)
    {
        foreach (var resource in resources)
        {
            Add(resource);
        }

        return this;
    }

    /// <summary>
    /// True when the objects added are also kept whole (<see cref="CatalogSnapshot.Objects"/>):
    /// for the policy's plans and a webhook that audits. Off by default: a catalogue keeps what
    /// the rules read and no more. Objects the basis kept are carried over either way.
    /// </summary>
    public bool KeepingObjects { get; init; }

    public CatalogBuilder Add(Resource resource)
    {
        if (KeepingObjects && resource.Name.Length > 0)
        {
            _trees[ObjectKey.Of(resource)] = resource;
        }

        return CatalogEntry.From(resource) is { } entry ? Set(entry) : this;
    }

    /// <summary>
    /// Files what is under a key now, replacing both halves of what was: the entry (null when the
    /// indexes have no place for the object, or nothing is there) and the object kept whole (null:
    /// none). The caller decides what is kept whole, whatever <see cref="KeepingObjects"/> says:
    /// this is how the cluster's objects are laid over a base, and how a base's object comes back.
    /// </summary>
    public CatalogBuilder Put(ObjectKey key, CatalogEntry? entry, Resource? tree)
    {
        if (entry is null)
        {
            Remove(key);
        }
        else
        {
            Set(entry);
        }

        if (tree is null)
        {
            _trees.Remove(key);
        }
        else
        {
            _trees[key] = tree;
        }

        return this;
    }

    /// <summary>Adds the EnMasse objects of read files (--catalog files, checked files, suite catalogues).</summary>
    public CatalogBuilder AddFiles(IEnumerable<ReadResult> files, string defaultNamespace)
    {
        foreach (var file in files)
        {
            AddRange(Resource.AllIn(file, defaultNamespace).Select(r => r.Resource));
        }

        return this;
    }

    /// <summary>Adds an entry, or replaces the one filed under the same key.</summary>
    public CatalogBuilder Set(CatalogEntry entry)
    {
        switch (entry)
        {
            case AddressSpaceEntry space:
                var key = new SpaceKey(space.Namespace, space.Name);
                if (!RemoveSpace(key))
                {
                    _spacesPerNamespace[space.Namespace] = _spacesPerNamespace.GetValueOrDefault(space.Namespace) + 1;
                }

                _spaces[key] = space;
                _realms[space.Realm] = (_realms.GetValueOrDefault(space.Realm) ?? CatalogSnapshot.NoSpacesOfRealm).Add(key);
                break;
            case AddressEntry address:
                _addresses += Partition(address.Namespace, address.Space).Set(address) ? 1 : 0;
                break;
            case UserEntry user:
                _users += Partition(user.Namespace, user.Space).Set(user) ? 1 : 0;
                break;
            default:
                Infra()[entry.Key] = entry;
                break;
        }

        return this;
    }

    /// <summary>Removes what is filed under a key, as a watch's DELETED event does; nothing when nothing is.</summary>
    public CatalogBuilder Remove(ObjectKey key)
    {
        _trees.Remove(key with { Namespace = key.Kind.IsTenant() ? key.Namespace : string.Empty });
        switch (key.Kind)
        {
            case ResourceKind.AddressSpace:
                if (RemoveSpace(new SpaceKey(key.Namespace, key.Name)))
                {
                    var left = _spacesPerNamespace.GetValueOrDefault(key.Namespace) - 1;
                    if (left > 0)
                    {
                        _spacesPerNamespace[key.Namespace] = left;
                    }
                    else
                    {
                        _spacesPerNamespace.Remove(key.Namespace);
                    }
                }

                break;
            case ResourceKind.Address:
                if (ScopedName.Split(key.Name).Space is { } space)
                {
                    _addresses -= Partition(key.Namespace, space).RemoveAddress(key.Name) ? 1 : 0;
                }

                break;
            case ResourceKind.MessagingUser:
                if (ScopedName.Split(key.Name).Space is { } userSpace)
                {
                    _users -= Partition(key.Namespace, userSpace).RemoveUser(key.Name) ? 1 : 0;
                }

                break;
            default:
                Infra().Remove(key with { Namespace = string.Empty });
                break;
        }

        return this;
    }

    public CatalogSnapshot Build()
    {
        var infra = _infra is null ? _basisInfra : InfraObjects.From(_infra.Values);
        if (!SamePlans(infra.AddressPlans, _basisInfra.AddressPlans))
        {
            // What every address takes depends on its plan: a changed address plan is a recount
            // of every space, the one change that costs the catalogue's size (plans change rarely).
            foreach (var key in _partitions.Keys.Concat(_touched.Keys).Distinct().ToList())
            {
                Partition(key.Namespace, key.Space).RecountUsage(infra.AddressPlans);
            }
        }

        foreach (var (key, partition) in _touched)
        {
            var built = partition.ToImmutable();
            if (built.IsEmpty)
            {
                _partitions.Remove(key);
            }
            else
            {
                _partitions[key] = built;
            }
        }

        _touched.Clear();
        return new CatalogSnapshot(infra, _spaces.ToImmutable(), _partitions.ToImmutable(), _spacesPerNamespace.ToImmutable(), _realms.ToImmutable(), _trees.ToImmutable(), _addresses, _users)
        {
            Origin = _origin,
        };
    }

    /// <summary>Takes a space out of the realm index; true when it was there (the caller keeps the counts).</summary>
    private bool RemoveSpace(SpaceKey key)
    {
        if (!_spaces.TryGetValue(key, out var old))
        {
            return false;
        }

        _spaces.Remove(key);
        var left = _realms[old.Realm].Remove(key);
        if (left.IsEmpty)
        {
            _realms.Remove(old.Realm);
        }
        else
        {
            _realms[old.Realm] = left;
        }

        return true;
    }

    /// <summary>The infra objects, copied on the first change to them: most batches touch none.</summary>
    private Dictionary<ObjectKey, CatalogEntry> Infra() => _infra ??= _basisInfra.ToMutable();

    private SpacePartition.Builder Partition(string @namespace, string space)
    {
        var key = new SpaceKey(@namespace, space);
        if (!_touched.TryGetValue(key, out var partition))
        {
            // Every partition's usage is summed with the basis's address plans, whatever the batch
            // does to the plans before or after: touched or not, all agree, and Build recounts them
            // all when the plans it ends with differ. Summing with the plans of the moment a space
            // is touched mixes two sets of plans when one changes and changes back.
            _touched[key] = partition = (_partitions.GetValueOrDefault(key) ?? SpacePartition.Empty).ToBuilder(_basisInfra.AddressPlans);
        }

        return partition;
    }

    private static bool SamePlans(IReadOnlyDictionary<string, AddressPlanEntry> a, IReadOnlyDictionary<string, AddressPlanEntry> b) =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && other.Equals(p.Value)));
}

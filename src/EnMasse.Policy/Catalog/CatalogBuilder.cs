using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Policy.Catalog;

/// <summary>
/// Builds a catalogue from objects, whatever fed them (policy files, --catalog files, the
/// checked files themselves, or a cluster watch). A later object with the same identity
/// replaces an earlier one.
/// </summary>
public sealed class CatalogBuilder
{
    /// <summary>The StandardInfraConfig annotation that gives standard spaces an mqtt endpoint (EnMasse up to 0.31).</summary>
    public const string WithMqttAnnotation = "enmasse.io/with-mqtt";

    private readonly Dictionary<string, AddressSpacePlanEntry> _spacePlans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressPlanEntry> _addressPlans = new(StringComparer.Ordinal);
    private readonly HashSet<string> _authServices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _standardInfraConfigs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _brokeredInfraConfigs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mqttInfraConfigs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), AddressSpaceEntry> _spaces = [];
    private readonly Dictionary<ObjectKey, AddressEntry> _addresses = [];
    private readonly Dictionary<ObjectKey, UserEntry> _users = [];
    private readonly Dictionary<ObjectKey, Resource> _objects = [];
    private string _origin = CatalogSnapshot.DefaultOrigin;

    public CatalogBuilder()
    {
    }

    /// <summary>Starts from an existing snapshot, to lay more objects over it.</summary>
    public CatalogBuilder(CatalogSnapshot basis)
    {
        foreach (var plan in basis.SpacePlanEntries) _spacePlans[plan.Name] = plan;
        foreach (var plan in basis.AddressPlanEntries) _addressPlans[plan.Name] = plan;
        _authServices.UnionWith(basis.AuthenticationServices);
        _standardInfraConfigs.UnionWith(basis.StandardInfraConfigs);
        _brokeredInfraConfigs.UnionWith(basis.BrokeredInfraConfigs);
        _mqttInfraConfigs.UnionWith(basis.MqttInfraConfigs);
        foreach (var space in basis.SpaceEntries) _spaces[(space.Namespace, space.Name)] = space;
        foreach (var address in basis.AddressEntries) _addresses[new ObjectKey(ResourceKind.Address, address.Namespace, address.Name)] = address;
        foreach (var user in basis.UserEntries) _users[new ObjectKey(ResourceKind.MessagingUser, user.Namespace, user.Name)] = user;
        foreach (var resource in basis.Objects) _objects[Key(resource)] = resource;
        _origin = basis.Origin;
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

    public CatalogBuilder Add(Resource resource)
    {
        if (resource.Name.Length == 0)
        {
            return this;
        }

        _objects[Key(resource)] = resource;
        var spec = resource.Spec;
        switch (resource.Kind)
        {
            case ResourceKind.AddressSpacePlan:
                var spacePlan = AddressSpacePlanObject.Bind(resource);
                _spacePlans[resource.Name] = new AddressSpacePlanEntry(
                    resource.Name,
                    spacePlan.AddressSpaceType?.Value,
                    [.. spacePlan.AddressPlans.Select(t => t.Value)],
                    spacePlan.DisplayOrder)
                {
                    InfraConfigRef = spacePlan.InfraConfigRef?.Value,
                    ResourceLimits = spacePlan.ResourceLimits,
                };
                break;
            case ResourceKind.AddressPlan:
                var addressPlan = AddressPlanObject.Bind(resource);
                _addressPlans[resource.Name] = new AddressPlanEntry(resource.Name, addressPlan.AddressType?.Value, addressPlan.DisplayOrder)
                {
                    Resources = addressPlan.Resources,
                    Partitions = addressPlan.Partitions,
                };
                break;
            case ResourceKind.AuthenticationService:
                _authServices.Add(resource.Name);
                break;
            case ResourceKind.StandardInfraConfig:
                _standardInfraConfigs.Add(resource.Name);
                // EnMasse's own examples write the annotation unquoted (a YAML boolean) as well as "true".
                if (NodeRead.Map(resource.Metadata, "annotations")?.Get(WithMqttAnnotation) is ScalarNode { Value: "true" })
                {
                    _mqttInfraConfigs.Add(resource.Name);
                }
                else
                {
                    _mqttInfraConfigs.Remove(resource.Name);
                }

                break;
            case ResourceKind.BrokeredInfraConfig:
                _brokeredInfraConfigs.Add(resource.Name);
                break;
            case ResourceKind.AddressSpace:
                var addressSpace = AddressSpaceObject.Bind(resource);
                _spaces[(resource.Namespace, resource.Name)] = new AddressSpaceEntry(resource.Namespace, resource.Name, addressSpace.Type?.Value, addressSpace.Plan?.Value)
                {
                    Connectors = [.. addressSpace.Connectors.Select(c => NodeRead.String(c, "name")?.Value).OfType<string>()],
                    Realm = RealmName.Of(resource.Namespace, resource.Name, addressSpace.Annotation(ProtectedAnnotations.RealmName)?.Value),
                };
                break;
            case ResourceKind.Address:
                var (space, local) = ScopedName.Split(resource.Name);
                if (space is not null)
                {
                    _addresses[Key(resource)] = new AddressEntry(
                        resource.Namespace,
                        resource.Name,
                        space,
                        NodeRead.String(spec, "address")?.Value ?? local,
                        NodeRead.String(spec, "type")?.Value)
                    {
                        Plan = NodeRead.String(spec, "plan")?.Value,
                        Unprovisioned = NodeRead.String(NodeRead.Map(resource.Root, "status"), "phase")?.Value == "Pending",
                    };
                }

                break;
            case ResourceKind.MessagingUser:
                var (userSpace, _) = ScopedName.Split(resource.Name);
                if (userSpace is not null)
                {
                    _users[Key(resource)] = new UserEntry(resource.Namespace, resource.Name, userSpace, NodeRead.String(spec, "username")?.Value);
                }

                break;
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

    /// <summary>Removes an object, as a watch's DELETED event does.</summary>
    public CatalogBuilder Remove(ObjectKey key)
    {
        _objects.Remove(key);
        switch (key.Kind)
        {
            case ResourceKind.AddressSpacePlan: _spacePlans.Remove(key.Name); break;
            case ResourceKind.AddressPlan: _addressPlans.Remove(key.Name); break;
            case ResourceKind.AuthenticationService: _authServices.Remove(key.Name); break;
            case ResourceKind.StandardInfraConfig: _standardInfraConfigs.Remove(key.Name); _mqttInfraConfigs.Remove(key.Name); break;
            case ResourceKind.BrokeredInfraConfig: _brokeredInfraConfigs.Remove(key.Name); break;
            case ResourceKind.AddressSpace: _spaces.Remove((key.Namespace, key.Name)); break;
            case ResourceKind.Address: _addresses.Remove(key); break;
            case ResourceKind.MessagingUser: _users.Remove(key); break;
        }

        return this;
    }

    public CatalogSnapshot Build()
    {
        var spacePlans = _spacePlans.Values.Select(p => p with { Problem = PlanValidity.Problem(p, _addressPlans, _standardInfraConfigs, _brokeredInfraConfigs) }).ToList();
        var addresses = GroupBySpace(_addresses.Values, a => (a.Namespace, a.Space));
        var usage = addresses.ToDictionary(
            g => g.Key,
            g => g.Value.Aggregate(SpaceUsage.Empty, (sum, a) => sum.With(a.Plan is null ? null : _addressPlans.GetValueOrDefault(a.Plan), a.Type, !a.Unprovisioned, 1)));

        return new CatalogSnapshot(
            spacePlans,
            _addressPlans.Values,
            _authServices,
            _standardInfraConfigs,
            _brokeredInfraConfigs,
            _mqttInfraConfigs,
            new Dictionary<(string, string), AddressSpaceEntry>(_spaces),
            addresses,
            GroupBySpace(_users.Values, u => (u.Namespace, u.Space)),
            usage,
            new Dictionary<ObjectKey, Resource>(_objects))
        {
            Origin = _origin,
        };
    }

    private static Dictionary<(string, string), List<T>> GroupBySpace<T>(IEnumerable<T> entries, Func<T, (string, string)> key)
    {
        var bySpace = new Dictionary<(string, string), List<T>>();
        foreach (var entry in entries)
        {
            var k = key(entry);
            if (!bySpace.TryGetValue(k, out var list))
            {
                bySpace[k] = list = [];
            }

            list.Add(entry);
        }

        return bySpace;
    }

    private static ObjectKey Key(Resource resource) => new(resource.Kind, resource.Namespace, resource.Name);
}

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
    private readonly Dictionary<string, AddressSpacePlanEntry> _spacePlans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AddressPlanEntry> _addressPlans = new(StringComparer.Ordinal);
    private readonly HashSet<string> _authServices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _infraConfigs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), AddressSpaceEntry> _spaces = [];
    private readonly Dictionary<ObjectKey, AddressEntry> _addresses = [];
    private readonly Dictionary<ObjectKey, Resource> _objects = [];

    public CatalogBuilder()
    {
    }

    /// <summary>Starts from an existing snapshot, to lay more objects over it.</summary>
    public CatalogBuilder(CatalogSnapshot basis)
    {
        foreach (var plan in basis.SpacePlanEntries) _spacePlans[plan.Name] = plan;
        foreach (var plan in basis.AddressPlanEntries) _addressPlans[plan.Name] = plan;
        _authServices.UnionWith(basis.AuthenticationServices);
        _infraConfigs.UnionWith(basis.InfraConfigs);
        foreach (var space in basis.SpaceEntries) _spaces[(space.Namespace, space.Name)] = space;
        foreach (var address in basis.AddressEntries) _addresses[new ObjectKey(ResourceKind.Address, address.Namespace, address.Name)] = address;
        foreach (var resource in basis.Objects) _objects[Key(resource)] = resource;
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
                    spacePlan.DisplayOrder);
                break;
            case ResourceKind.AddressPlan:
                var addressPlan = AddressPlanObject.Bind(resource);
                _addressPlans[resource.Name] = new AddressPlanEntry(resource.Name, addressPlan.AddressType?.Value, addressPlan.DisplayOrder);
                break;
            case ResourceKind.AuthenticationService:
                _authServices.Add(resource.Name);
                break;
            case ResourceKind.StandardInfraConfig or ResourceKind.BrokeredInfraConfig:
                _infraConfigs.Add(resource.Name);
                break;
            case ResourceKind.AddressSpace:
                _spaces[(resource.Namespace, resource.Name)] = new AddressSpaceEntry(
                    resource.Namespace,
                    resource.Name,
                    NodeRead.String(spec, "type")?.Value,
                    NodeRead.String(spec, "plan")?.Value);
                break;
            case ResourceKind.Address:
                var (space, _) = ScopedName.Split(resource.Name);
                if (space is not null)
                {
                    _addresses[Key(resource)] = new AddressEntry(
                        resource.Namespace,
                        resource.Name,
                        space,
                        NodeRead.String(spec, "address")?.Value ?? ScopedName.Split(resource.Name).Local,
                        NodeRead.String(spec, "type")?.Value);
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
            case ResourceKind.StandardInfraConfig or ResourceKind.BrokeredInfraConfig: _infraConfigs.Remove(key.Name); break;
            case ResourceKind.AddressSpace: _spaces.Remove((key.Namespace, key.Name)); break;
            case ResourceKind.Address: _addresses.Remove(key); break;
        }

        return this;
    }

    public CatalogSnapshot Build()
    {
        var bySpace = new Dictionary<(string, string), List<AddressEntry>>();
        foreach (var address in _addresses.Values)
        {
            var key = (address.Namespace, address.Space);
            if (!bySpace.TryGetValue(key, out var list))
            {
                bySpace[key] = list = [];
            }

            list.Add(address);
        }

        return new CatalogSnapshot(
            _spacePlans.Values,
            _addressPlans.Values,
            _authServices,
            _infraConfigs,
            new Dictionary<(string, string), AddressSpaceEntry>(_spaces),
            bySpace,
            new Dictionary<ObjectKey, Resource>(_objects));
    }

    private static ObjectKey Key(Resource resource) => new(resource.Kind, resource.Namespace, resource.Name);
}

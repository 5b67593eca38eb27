using EnMasse.Policy.Catalog;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;

namespace EnMasse.Policy.Defaults;

/// <summary>Applies the defaults in order, each one seeing the object as the previous left it, and records the patch.</summary>
public static class Defaulter
{
    /// <summary>Every default of rules.md, in the order they apply (endpoints before their certs).</summary>
    public static IReadOnlyList<IDefault> All { get; } =
    [
        new AddressDefault(),
        new AuthenticationServiceDefault(),
        new EndpointsDefault(),
        new CertDefault(),
    ];

    public static (Resource Result, IReadOnlyList<PatchOperation> Patch) Apply(Resource resource, AdmissionPolicy policy, ICatalog catalog)
    {
        var patch = new List<PatchOperation>();
        foreach (var step in All)
        {
            if (step.Kind != resource.Kind)
            {
                continue;
            }

            foreach (var (segments, value) in step.Propose(resource, policy, catalog).ToList())
            {
                var root = (MappingNode)NodeEditor.Add(resource.Root, segments, value);
                resource = resource with { Root = root };
                patch.Add(new PatchOperation("add", NodePath.Pointer(segments), value, step.Id));
            }
        }

        return (resource, patch);
    }
}

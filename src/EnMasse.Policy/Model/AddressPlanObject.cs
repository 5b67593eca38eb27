using System.Collections.Frozen;

namespace EnMasse.Policy.Model;

/// <summary>
/// Typed view of an AddressPlan. v1beta2 plans keep their fields under spec with
/// resources {router, broker}; v1alpha1 and v1beta1 plans at the top level with
/// requiredResources[] of name and credit.
/// </summary>
public sealed record AddressPlanObject(Resource Resource, Text? AddressType, int DisplayOrder, FrozenDictionary<string, double> Resources, int Partitions)
{
    public static AddressPlanObject Bind(Resource resource)
    {
        var topLevel = !NodeRead.Has(resource.Spec, "addressType");
        var fields = topLevel ? resource.Root : resource.Spec;
        var resources = topLevel
            ? NodeRead.NamedNumbers(NodeRead.List(fields, "requiredResources"), "credit")
            : NodeRead.Numbers(NodeRead.Map(fields, "resources"));
        return new AddressPlanObject(resource, NodeRead.String(fields, "addressType"), NodeRead.Int(fields, "displayOrder"), resources, NodeRead.Int(fields, "partitions", 1));
    }
}

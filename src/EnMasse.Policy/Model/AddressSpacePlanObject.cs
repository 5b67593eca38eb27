namespace EnMasse.Policy.Model;

/// <summary>Typed view of an AddressSpacePlan; v1beta1 plans keep their fields at the top level, v1beta2 plans under spec.</summary>
public sealed record AddressSpacePlanObject(Resource Resource, Text? AddressSpaceType, IReadOnlyList<Text> AddressPlans, int DisplayOrder, Text? InfraConfigRef)
{
    public static AddressSpacePlanObject Bind(Resource resource)
    {
        var fields = NodeRead.Has(resource.Spec, "addressSpaceType") ? resource.Spec : resource.Root;
        return new AddressSpacePlanObject(
            resource,
            NodeRead.String(fields, "addressSpaceType"),
            NodeRead.Strings(NodeRead.List(fields, "addressPlans")),
            NodeRead.Int(fields, "displayOrder"),
            NodeRead.String(fields, "infraConfigRef"));
    }
}

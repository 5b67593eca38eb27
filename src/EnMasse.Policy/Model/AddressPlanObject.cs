namespace EnMasse.Policy.Model;

/// <summary>Typed view of an AddressPlan; v1beta1 plans keep their fields at the top level, v1beta2 plans under spec.</summary>
public sealed record AddressPlanObject(Resource Resource, Text? AddressType, int DisplayOrder)
{
    public static AddressPlanObject Bind(Resource resource)
    {
        var fields = NodeRead.Has(resource.Spec, "addressType") ? resource.Spec : resource.Root;
        return new AddressPlanObject(resource, NodeRead.String(fields, "addressType"), NodeRead.Int(fields, "displayOrder"));
    }
}

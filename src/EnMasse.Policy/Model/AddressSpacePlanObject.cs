using System.Collections.Frozen;

namespace EnMasse.Policy.Model;

/// <summary>
/// Typed view of an AddressSpacePlan. v1beta2 plans keep their fields under spec; v1alpha1 and
/// v1beta1 plans (EnMasse 0.25-0.27) at the top level, with the infra config named by the
/// annotation enmasse.io/defined-by and the limits as resources[] of name and max.
/// </summary>
public sealed record AddressSpacePlanObject(
    Resource Resource,
    Text? AddressSpaceType,
    IReadOnlyList<Text> AddressPlans,
    int DisplayOrder,
    Text? InfraConfigRef,
    FrozenDictionary<string, double> ResourceLimits)
{
    public const string DefinedByAnnotation = "enmasse.io/defined-by";

    public static AddressSpacePlanObject Bind(Resource resource)
    {
        var topLevel = !NodeRead.Has(resource.Spec, "addressSpaceType");
        var fields = topLevel ? resource.Root : resource.Spec;
        var infra = NodeRead.String(fields, "infraConfigRef")
            ?? NodeRead.String(NodeRead.Map(resource.Metadata, "annotations"), DefinedByAnnotation);
        var limits = topLevel
            ? NodeRead.NamedNumbers(NodeRead.List(fields, "resources"), "max")
            : NodeRead.Numbers(NodeRead.Map(fields, "resourceLimits"));
        return new AddressSpacePlanObject(
            resource,
            NodeRead.String(fields, "addressSpaceType"),
            NodeRead.Strings(NodeRead.List(fields, "addressPlans")),
            NodeRead.Int(fields, "displayOrder"),
            infra,
            limits);
    }
}

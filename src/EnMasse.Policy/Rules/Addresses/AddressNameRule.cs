using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.name</c>: the name is <c>&lt;addressspace&gt;.&lt;name&gt;</c>, a valid object name, each part within EnMasse's limit, and agrees with a legacy spec.addressSpace.</summary>
public sealed class AddressNameRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressName;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "metadata.name is <addressspace>.<name> (e.g. myspace.queue1), a DNS-1123 subdomain with each dot-separated part at most 60 characters; a legacy spec.addressSpace equals the prefix";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        ScopedNameCheck.Check(subject, "Address", context);
        if (subject.LegacySpace is { } legacy && subject.SpaceName is { Length: > 0 } space && legacy.Value != space)
        {
            context.Report(legacy, $"spec.addressSpace \"{legacy.Value}\" is not the address space \"{space}\" the name starts with; EnMasse refuses that (Address space component of address name does not match address space): remove spec.addressSpace, the name already says it");
        }
    }
}

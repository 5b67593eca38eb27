using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.name</c>: the name is <c>&lt;addressspace&gt;.&lt;name&gt;</c>.</summary>
public sealed class AddressNameRule : TenantRule<AddressObject>
{
    public override string Id => RuleIds.AddressName;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "metadata.name is <addressspace>.<name>, both parts non-empty, e.g. myspace.queue1";

    protected override void Check(AddressObject subject, RuleContext context) => ScopedNameCheck.Check(subject, "Address", context);
}

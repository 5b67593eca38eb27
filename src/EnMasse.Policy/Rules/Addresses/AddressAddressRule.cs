using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.address</c>: spec.address is set, short enough, and has no whitespace or control characters.</summary>
public sealed class AddressAddressRule : TenantRule<AddressObject>
{
    private const int MaxLength = 255;

    public override string Id => RuleIds.AddressAddress;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "spec.address is set, at most 255 characters, without whitespace or control characters";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Address is not { } address)
        {
            return;
        }

        if (address.Value.Length == 0)
        {
            context.Report(address, "spec.address is empty; set the messaging address clients use, e.g. queue1");
        }
        else if (address.Value.Length > MaxLength)
        {
            context.Report(address, $"spec.address has {address.Value.Length} characters; at most {MaxLength} are allowed");
        }
        else if (address.Value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            context.Report(address, $"spec.address \"{Printable(address.Value)}\" contains whitespace or control characters, which AMQP clients cannot address; use '-', '_', '.' or '/' instead");
        }
    }

    private static string Printable(string value) =>
        new([.. value.Select(c => char.IsControl(c) ? '?' : c)]);
}

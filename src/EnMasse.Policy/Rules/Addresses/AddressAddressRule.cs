using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Addresses;

/// <summary><c>address.address</c>: spec.address is set, without whitespace, and (0.30+) does not start with EnMasse's reserved "_!".</summary>
public sealed class AddressAddressRule : TenantRule<AddressObject>
{
    private const string ReservedPrefix = "_!";

    public override string Id => RuleIds.AddressAddress;

    public override ResourceKind Kind => ResourceKind.Address;

    public override string Summary => "spec.address is set and has no whitespace (the 0.31 CRD's pattern); from 0.30 it does not start with \"_!\"";

    protected override void Check(AddressObject subject, RuleContext context)
    {
        if (subject.Address is not { } address)
        {
            return;
        }

        var value = address.Value;
        if (value.Length == 0)
        {
            context.Report(address, "spec.address is empty; set the messaging address clients use, e.g. queue1");
        }
        else if (value.IndexOfAny(Whitespace) >= 0)
        {
            // The CRD's pattern ^[^\s]+$ is Go RE2, where \s is exactly these five characters.
            context.Report(address, $"spec.address \"{Printable(value)}\" contains whitespace, which EnMasse's CRD refuses (pattern ^[^\\s]+$) and AMQP clients cannot address; use '-', '_', '.' or '/' instead");
        }
        else if (context.Release.AtLeast(30) && value.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            context.Report(address, $"spec.address \"{value}\" starts with \"{ReservedPrefix}\", which {context.Release.Label} reserves for its own addresses (Address string must not start with '_!')");
        }
    }

    private static readonly char[] Whitespace = [' ', '\t', '\n', '\f', '\r'];

    private static string Printable(string value) =>
        new([.. value.Select(c => char.IsControl(c) ? '?' : c)]);
}

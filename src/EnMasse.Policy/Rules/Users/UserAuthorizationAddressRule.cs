using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.authorization-address</c>: warns about a pattern that matches no known address of the space.</summary>
public sealed class UserAuthorizationAddressRule : TenantRule<MessagingUserObject>
{
    public override string Id => RuleIds.UserAuthorizationAddress;

    public override Severity DefaultSeverity => Severity.Warning;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "an address pattern matches no known address of the space";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (SpaceLookup.Find(context, subject.SpaceName) is not { } space)
        {
            return;
        }

        var known = context.Catalog.AddressesOf(subject.Namespace, space.Name);
        foreach (var entry in NodeRead.Maps(subject.AuthorizationNode))
        {
            foreach (var pattern in NodeRead.Strings(NodeRead.List(entry, "addresses")))
            {
                if (AddressPattern.Problem(pattern.Value) is null && !known.Any(a => a.Address is { } address && AddressPattern.Matches(pattern.Value, address)))
                {
                    context.Report(pattern, $"address pattern \"{pattern.Value}\" matches no known address of address space \"{space.Name}\"; check the spelling or create the Address");
                }
            }
        }
    }
}

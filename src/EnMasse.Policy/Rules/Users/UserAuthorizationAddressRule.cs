using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.authorization-address</c>: warns about a pattern that matches no known address of the space, read with the space type's wildcards.</summary>
public sealed class UserAuthorizationAddressRule : TenantRule<MessagingUserObject>
{
    public override string Id => RuleIds.UserAuthorizationAddress;

    public override Severity DefaultSeverity => Severity.Warning;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "an address pattern matches no known address of the space (a bare * or # never warns)";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (SpaceLookup.Find(context, subject.SpaceName) is not { } space)
        {
            return;
        }

        foreach (var entry in NodeRead.Maps(subject.AuthorizationNode))
        {
            foreach (var pattern in NodeRead.Strings(NodeRead.List(entry, "addresses")))
            {
                if (!AddressPattern.IsEverything(pattern.Value) && AddressPattern.Problem(pattern.Value) is null
                    && !AddressPattern.MatchesAny(context.Catalog, subject.Namespace, space.Name, pattern.Value, space.Type))
                {
                    context.Report(pattern, $"address pattern \"{pattern.Value}\" matches no known address of {space.Type ?? "the"} address space \"{space.Name}\"; check the spelling or create the Address");
                }
            }
        }
    }
}

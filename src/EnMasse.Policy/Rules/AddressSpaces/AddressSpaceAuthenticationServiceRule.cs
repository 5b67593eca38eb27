using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.AddressSpaces;

/// <summary><c>addressspace.authentication-service</c>: a named authentication service is published.</summary>
public sealed class AddressSpaceAuthenticationServiceRule : TenantRule<AddressSpaceObject>
{
    public override string Id => RuleIds.AddressSpaceAuthenticationService;

    public override ResourceKind Kind => ResourceKind.AddressSpace;

    public override string Summary => "a named spec.authenticationService is published";

    protected override void Check(AddressSpaceObject subject, RuleContext context)
    {
        if (subject.AuthenticationServiceName is not { } name || context.Catalog.HasAuthenticationService(name.Value))
        {
            return;
        }

        var published = context.Catalog.AuthenticationServices.Order(StringComparer.Ordinal).ToList();
        context.Report(name, $"authentication service \"{name.Value}\" is not published; published: {Names.List(published)}{Names.DidYouMean(name.Value, published)}");
    }
}

using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Tenants;

/// <summary><c>tenant.authentication</c>: the MessagingUser's authentication type is one its namespace's spec.tenants entry allows.</summary>
public sealed class TenantAuthenticationRule : TenantRule<MessagingUserObject>
{
    /// <summary>The types some EnMasse release knows; any other is user.authentication's finding.</summary>
    private static readonly string[] EnMasseTypes = ["password", "serviceaccount", "federated"];

    public override string Id => RuleIds.TenantAuthentication;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "spec.authentication.type is one the namespace's spec.tenants entry allows in authenticationTypes (a platform entitlement, e.g. no password users in production)";

    protected override void Check(MessagingUserObject subject, RuleContext context) =>
        Entitlements.CheckGranted(context, subject.AuthenticationType, t => t.AuthenticationTypes, EnMasseTypes.Contains, "authentication type", "authenticationTypes");
}

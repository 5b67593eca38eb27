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

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (subject.AuthenticationType is not { } type
            || context.Policy.TenantOf(subject.Namespace) is not { AuthenticationTypes: { } allowed } tenant
            || allowed.Contains(type.Value)
            || !EnMasseTypes.Contains(type.Value, StringComparer.Ordinal))
        {
            return;
        }

        context.Report(type, Entitlements.NotGranted("authentication type", type.Value, subject.Namespace, tenant, allowed, "authenticationTypes"));
    }
}

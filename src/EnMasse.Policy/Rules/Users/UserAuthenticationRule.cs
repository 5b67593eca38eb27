using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.authentication</c>: a known authentication type with what it needs. Never quotes the password.</summary>
public sealed class UserAuthenticationRule : TenantRule<MessagingUserObject>
{
    private static readonly string[] Types = ["password", "federated", "serviceaccount"];

    public override string Id => RuleIds.UserAuthentication;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "authentication type is password (needs a base64 password), federated (needs provider) or serviceaccount (needs username system:serviceaccount:<namespace>:<name>)";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (subject.Authentication is not { } authentication || subject.AuthenticationType is not { } type)
        {
            return;
        }

        switch (type.Value)
        {
            case "password":
                if (NodeRead.String(authentication, "password") is not { } password)
                {
                    context.ReportMissing(authentication, "password", "authentication type password needs spec.authentication.password (base64 of the password)");
                }
                else if (!Names.IsBase64(password.Value))
                {
                    context.Report(password, "spec.authentication.password is not valid base64; encode it, e.g. echo -n '<password>' | base64");
                }

                break;
            case "federated":
                CheckFederated(authentication, context);
                break;
            case "serviceaccount":
                if (subject.Username is { } username && !ServiceAccountName.TryParse(username.Value, out _, out _))
                {
                    context.Report(username, $"authentication type serviceaccount needs spec.username of the form system:serviceaccount:<namespace>:<name>, not \"{username.Value}\"");
                }

                break;
            default:
                context.Report(type, $"authentication type \"{type.Value}\" is not supported; allowed: {Names.List(Types)}{Names.DidYouMean(type.Value, Types)}");
                break;
        }
    }

    private static void CheckFederated(MappingNode authentication, RuleContext context)
    {
        if (NodeRead.String(authentication, "provider") is not { } provider)
        {
            context.ReportMissing(authentication, "provider", "authentication type federated needs spec.authentication.provider, e.g. openshift");
            return;
        }

        // EnMasse maps an OpenShift identity by both its user id and its user name.
        if (provider.Value == "openshift")
        {
            foreach (var key in new[] { "federatedUserid", "federatedUsername" })
            {
                if (NodeRead.String(authentication, key) is null)
                {
                    context.ReportMissing(authentication, key, $"federated provider openshift needs spec.authentication.{key}");
                }
            }
        }
    }
}

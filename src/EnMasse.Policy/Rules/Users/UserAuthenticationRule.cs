using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.authentication</c>: a type the release supports, with what it needs. Never quotes the password.</summary>
public sealed class UserAuthenticationRule : TenantRule<MessagingUserObject>
{
    private const string Encode = "encode it, e.g. echo -n '<password>' | base64";

    public override string Id => RuleIds.UserAuthentication;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "authentication type is password (needs a password in base64 as the release decodes it), serviceaccount (needs username system:serviceaccount:<namespace>:<name>) or, up to 0.30, federated (needs provider, federatedUserid and federatedUsername)";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (subject.Authentication is not { } authentication || subject.AuthenticationType is not { } type)
        {
            return;
        }

        var release = context.Release;
        switch (type.Value)
        {
            case "password":
                CheckPassword(authentication, release, context);
                break;
            case "federated" when release.AtLeast(31):
                context.Report(type, $"{release.Label} does not support authentication type federated: its user controller reports \"Unknown authentication type federated\" and the user never logs in; use password or serviceaccount");
                break;
            case "federated":
                foreach (var key in new[] { "provider", "federatedUserid", "federatedUsername" })
                {
                    if (NodeRead.String(authentication, key) is null)
                    {
                        context.ReportMissing(authentication, key, $"authentication type federated needs spec.authentication.{key}; {release.Label} refuses a federated user without provider, federatedUserid and federatedUsername");
                    }
                }

                break;
            case "serviceaccount":
                if (subject.Username is { } username && !ServiceAccountName.TryParse(username.Value, out _, out _))
                {
                    context.Report(username, $"authentication type serviceaccount needs spec.username of the form system:serviceaccount:<namespace>:<name>, not \"{username.Value}\"");
                }

                break;
            default:
                string[] types = release.AtLeast(31) ? ["password", "serviceaccount"] : ["password", "federated", "serviceaccount"];
                context.Report(type, $"authentication type \"{type.Value}\" is not supported by {release.Label}; allowed: {Names.List(types)}{Names.DidYouMean(type.Value, types)}");
                break;
        }
    }

    /// <summary>
    /// Up to 0.30 EnMasse's API server decodes the password with Java's basic decoder (a missing
    /// '=' is fine, a line break is not); from 0.31 the Go controller reads it as JSON bytes
    /// (padding required, line breaks skipped). Either way the bytes become the password as
    /// UTF-8 text: bytes that are no text mean the value was the password itself, not its base64.
    /// </summary>
    private static void CheckPassword(MappingNode authentication, EnMasseVersion release, RuleContext context)
    {
        if (NodeRead.String(authentication, "password") is not { } password)
        {
            context.ReportMissing(authentication, "password", $"authentication type password needs spec.authentication.password (base64 of the password); without it the user has no password to log in with");
            return;
        }

        var decoded = password.Value.Length == 0 ? null : release.AtMost(30) ? Base64Text.DecodeJava(password.Value) : Base64Text.DecodeGo(password.Value);
        if (decoded is null)
        {
            var how = release.AtMost(30) ? "one line, no spaces" : "with its '=' padding";
            context.Report(password, $"spec.authentication.password is not base64 as {release.Label} decodes it ({how}); {Encode}");
        }
        else if (!Base64Text.IsUtf8(decoded))
        {
            context.Report(password, $"spec.authentication.password decodes to bytes that are not text, so {release.Label} would set a garbled password; it looks like the password itself rather than its base64: {Encode}");
        }
    }
}

using System.Text.RegularExpressions;
using EnMasse.Policy.Model;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.username</c>: spec.username is set and matches EnMasse's pattern.</summary>
public sealed partial class UserUsernameRule : TenantRule<MessagingUserObject>
{
    public override string Id => RuleIds.UserUsername;

    public override bool Fixed => true;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "spec.username is set: lowercase letters and digits, with _ @ . : - allowed inside";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        if (subject.Username is not { } username)
        {
            if (subject.Spec is { } spec && !Model.NodeRead.Has(spec, "username"))
            {
                context.ReportMissing(spec, "username", "MessagingUser needs spec.username: the name messaging clients log in with, e.g. user1");
            }

            return;
        }

        if (!Pattern().IsMatch(username.Value))
        {
            context.Report(username, $"username \"{username.Value}\" is not allowed: use lowercase letters and digits, with _ @ . : - only between them (e.g. {(context.HoldsSecret(username.Value) ? "user1" : Suggest(username.Value))})");
        }
    }

    private static string Suggest(string value)
    {
        var lowered = new string([.. value.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '@' or '.' or ':' or '-')]).Trim('_', '@', '.', ':', '-');
        return lowered.Length == 0 ? "user1" : lowered;
    }

    [GeneratedRegex("^[a-z0-9]+([a-z0-9_@.:\\-]*[a-z0-9]+|[a-z0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

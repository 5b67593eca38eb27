using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary>
/// <c>user.authorization</c>: each entry grants known operations; send and recv name address
/// patterns EnMasse can read. manage and view apply to the whole address space (Keycloak groups
/// manage and monitor), so they need no addresses, except that EnMasse up to 0.30 required the
/// field for view.
/// </summary>
public sealed class UserAuthorizationRule : TenantRule<MessagingUserObject>
{
    private static readonly string[] Operations = ["send", "recv", "view", "manage"];

    public override string Id => RuleIds.UserAuthorization;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "operations are among send, recv, view, manage; send and recv name at least one address pattern (manage and view need none; up to 0.30 view needs the field); patterns follow the space type's wildcards";

    protected override void Check(MessagingUserObject subject, RuleContext context)
    {
        foreach (var entry in NodeRead.Maps(subject.AuthorizationNode))
        {
            var operations = NodeRead.List(entry, "operations");
            var noOperations = $"an authorization entry needs at least one operation: {Names.List(Operations)}";
            if (operations is null)
            {
                context.ReportMissing(entry, "operations", noOperations);
            }
            else if (operations.Items.Count == 0)
            {
                context.Report(operations, noOperations);
            }

            var granted = NodeRead.Strings(operations);
            foreach (var operation in granted)
            {
                if (!Operations.Contains(operation.Value))
                {
                    context.Report(operation, $"operation \"{operation.Value}\" is not known; allowed: {Names.List(Operations)}{Names.DidYouMean(operation.Value, Operations)}");
                }
            }

            var addresses = NodeRead.List(entry, "addresses");
            var perAddress = granted.Where(o => o.Value is "send" or "recv").Select(o => o.Value).Distinct().ToList();
            if (perAddress.Count > 0 && (addresses is null || addresses.Items.Count == 0))
            {
                var message = $"an entry granting {string.Join(" and ", perAddress)} needs at least one address pattern, e.g. queue1 or orders*; without one it grants nothing";
                if (addresses is null)
                {
                    context.ReportMissing(entry, "addresses", message);
                }
                else
                {
                    context.Report(addresses, message);
                }
            }
            else if (addresses is null && context.Release.AtMost(30) && granted.Any(o => o.Value == "view"))
            {
                context.ReportMissing(entry, "addresses", $"{context.Release.Label} refuses view without an addresses field ('addresses' field must be set for operations); write addresses: [] or the patterns to view");
            }

            foreach (var pattern in NodeRead.Strings(addresses))
            {
                if (AddressPattern.Problem(pattern.Value) is { } problem)
                {
                    context.Report(pattern, $"address pattern \"{pattern.Value}\" {problem}");
                }
            }
        }
    }
}

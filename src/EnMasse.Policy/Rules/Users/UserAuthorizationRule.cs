using EnMasse.Policy.Model;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Rules.Users;

/// <summary><c>user.authorization</c>: each entry grants known operations on well-formed address patterns.</summary>
public sealed class UserAuthorizationRule : TenantRule<MessagingUserObject>
{
    private static readonly string[] Operations = ["send", "recv", "view", "manage"];

    public override string Id => RuleIds.UserAuthorization;

    public override ResourceKind Kind => ResourceKind.MessagingUser;

    public override string Summary => "operations are among send, recv, view, manage; each entry has an operation and an address pattern ('*' only as a trailing wildcard)";

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

            foreach (var operation in NodeRead.Strings(operations))
            {
                if (!Operations.Contains(operation.Value))
                {
                    context.Report(operation, $"operation \"{operation.Value}\" is not known; allowed: {Names.List(Operations)}{Names.DidYouMean(operation.Value, Operations)}");
                }
            }

            var addresses = NodeRead.List(entry, "addresses");
            const string NoAddresses = "an authorization entry needs at least one address pattern, e.g. queue1 or orders*";
            if (addresses is null)
            {
                context.ReportMissing(entry, "addresses", NoAddresses);
            }
            else if (addresses.Items.Count == 0)
            {
                context.Report(addresses, NoAddresses);
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

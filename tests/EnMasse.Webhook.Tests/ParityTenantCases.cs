namespace EnMasse.Webhook.Tests;

/// <summary>
/// Every field of a spec.tenants entry through both doors, over <see cref="TenantWorld"/>:
/// allowed, denied, exactly at each limit, the first matching entry winning over a later glob,
/// a namespace without an entry, and UPDATEs and repeated CREATEs that must not count an
/// object twice.
/// </summary>
internal static class ParityTenantCases
{
    private static string Space(string ns, string name, string plan, string extra = "") =>
        $"apiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  type: standard\n  plan: {plan}\n{extra}";

    private static string Address(string ns, string name, string plan) =>
        $"apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  address: {name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]}\n  type: queue\n  plan: {plan}\n";

    private static string User(string ns, string name, string spec) =>
        $"apiVersion: user.enmasse.io/v1beta1\nkind: MessagingUser\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n{spec}";

    private static string ServiceAccount(string ns, string account) => $"  username: system:serviceaccount:{ns}:{account}\n  authentication: {{ type: serviceaccount }}\n";

    private const string Password = "  username: bob\n  authentication: { type: password, password: Ym9iLXNlY3JldA== }\n";

    private const string Pay = "team-payments";
    private const string Web = "team-web";

    private static ParityCase Create(string name, bool allowed, string[] rules, string ns, string yaml) => new(name, allowed, rules, yaml, Namespace: ns);

    private static ParityCase Update(string name, bool allowed, string[] rules, string ns, string yaml, string old) => new(name, allowed, rules, yaml, "UPDATE", old, ns);

    public static readonly ParityCase[] All =
    [
        // addressSpacePlans, and the first matching entry: team-payments is named before team-*.
        Create("tenant plan granted by the exact entry before the glob", true, [], Pay, Space(Pay, "pay-ledger", "standard-medium")),
        Create("tenant plan the glob entry does not grant", false, ["tenant.plan"], "team-new", Space("team-new", "new-shop", "standard-medium")),
        Create("tenant plan the glob entry grants", true, [], "team-new", Space("team-new", "new-shop", "standard-small")),
        Create("namespace without an entry has no limits", true, [], "other", Space("other", "anything", "standard-unlimited")),

        // addressSpaceNames
        Create("tenant space name not matching the entry's pattern", false, ["tenant.naming"], Pay, Space(Pay, "ledger", "standard-small")),

        // maxAddressSpaces: team-payments holds 1 of 2, team-web 2 of 1.
        Create("tenant space exactly at maxAddressSpaces", true, [], Pay, Space(Pay, "pay-ledger", "standard-small")),
        Create("tenant space over maxAddressSpaces", false, ["tenant.quota"], Web, Space(Web, "web-blog", "standard-small")),

        // addressPlans: set for team-*, left out for team-payments.
        Create("tenant address plan not granted", false, ["tenant.address-plan"], Web, Address(Web, "web-old.big", "standard-medium-queue")),
        Create("tenant address plan granted", true, [], Web, Address(Web, "web-old.q1", "standard-small-queue")),
        Create("tenant address plan of an entry without addressPlans", true, [], Pay, Address(Pay, "pay-orders.q3", "standard-medium-queue")),

        // maxAddresses: pay-orders holds 2 of 3, web-shop 2 of 2.
        Create("tenant address exactly at maxAddresses", true, [], Pay, Address(Pay, "pay-orders.q3", "standard-small-queue")),
        Create("tenant address over maxAddresses", false, ["tenant.quota"], Web, Address(Web, "web-shop.q3", "standard-small-queue")),

        // maxMessagingUsers: pay-orders holds 1 of 2, web-shop 1 of 1; authenticationTypes: serviceaccount for team-payments, any for team-*.
        Create("tenant user exactly at maxMessagingUsers", true, [], Pay, User(Pay, "pay-orders.worker", ServiceAccount(Pay, "worker"))),
        Create("tenant user over maxMessagingUsers", false, ["tenant.quota"], Web, User(Web, "web-shop.bob", Password)),
        Create("tenant authentication type not allowed", false, ["tenant.authentication"], Pay, User(Pay, "pay-orders.bob", Password)),
        Create("tenant authentication of an entry without authenticationTypes", true, [], Web, User(Web, "web-old.bob", Password)),

        // An UPDATE adds nothing: never a quota finding, even in a namespace or space over its limit.
        Update("tenant space update in a namespace over its limit", true, [], Web, Space(Web, "web-old", "standard-small", "  endpoints: [ { name: messaging, service: messaging } ]\n"), Space(Web, "web-old", "standard-small")),
        Update("tenant user update in a full space", true, [], Web, User(Web, "web-shop.app", "  username: app\n  authentication: { type: password, password: YXBwLXNlY3JldA== }\n  authorization: [ { operations: [send], addresses: [q1] } ]\n"), User(Web, "web-shop.app", "  username: app\n  authentication: { type: password, password: YXBwLXNlY3JldA== }\n")),
        Update("tenant plan update to a plan not granted", false, ["tenant.plan"], Web, Space(Web, "web-old", "standard-medium"), Space(Web, "web-old", "standard-small")),

        // A CREATE of an object the catalogue holds already (a repeated create, a stale watch) counts it once.
        Create("tenant address the catalogue holds counted once", true, [], Web, Address(Web, "web-shop.q1", "standard-small-queue")),
        Create("tenant user the catalogue holds counted once", true, [], Web, User(Web, "web-shop.app", "  username: app\n  authentication: { type: password, password: YXBwLXNlY3JldA== }\n")),
    ];
}

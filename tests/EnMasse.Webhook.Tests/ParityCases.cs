namespace EnMasse.Webhook.Tests;

/// <summary>One parity case: an object as a tenant writes it, the operation, and the stored version on UPDATE.</summary>
public sealed record ParityCase(string Name, bool Allowed, string[] Rules, string Yaml, string Operation = "CREATE", string? Old = null)
{
    public override string ToString() => Name;
}

internal static class ParityCases
{
    private static string Space(string name, string spec) =>
        $"apiVersion: enmasse.io/v1beta1\nkind: AddressSpace\nmetadata:\n  name: {name}\n  namespace: team1\nspec:\n{spec}";

    private static string Address(string name, string spec) =>
        $"apiVersion: enmasse.io/v1beta1\nkind: Address\nmetadata:\n  name: {name}\n  namespace: team1\nspec:\n{spec}";

    private static string User(string name, string spec) =>
        $"apiVersion: user.enmasse.io/v1beta1\nkind: MessagingUser\nmetadata:\n  name: {name}\n  namespace: team1\nspec:\n{spec}";

    private const string Standard = "  type: standard\n  plan: standard-small\n";
    private const string Queue = "  address: q9\n  type: queue\n  plan: standard-small-queue\n";
    private const string Password = "  username: user1\n  authentication:\n    type: password\n    password: cGFzc3dvcmQ=\n";

    public static readonly ParityCase[] All =
    [
        new("space allowed", true, [], Space("space2", Standard)),
        new("space name with a dot", false, ["addressspace.name"], Space("my.space", Standard)),
        new("space type unknown", false, ["addressspace.type"], Space("space2", "  type: standrd\n  plan: standard-small\n")),
        new("space plan unpublished", false, ["addressspace.plan"], Space("space2", "  type: standard\n  plan: gold\n")),
        new("space plan of another type", false, ["addressspace.plan-type"], Space("space2", "  type: standard\n  plan: brokered-single-broker\n")),
        new("space auth service unpublished", false, ["addressspace.authentication-service"], Space("space2", Standard + "  authenticationService: { name: ldap }\n")),
        new("space endpoint service not offered", false, ["addressspace.endpoint"], Space("space2", "  type: brokered\n  plan: brokered-single-broker\n  endpoints: [ { name: m, service: mqtt } ]\n")),
        new("space route on kubernetes warns", true, ["addressspace.endpoint"], Space("space2", Standard + "  endpoints: [ { name: m, service: messaging, expose: { type: route, routeTlsTermination: passthrough } } ]\n")),
        new("space cert provider unknown", false, ["addressspace.cert"], Space("space2", Standard + "  endpoints: [ { name: m, service: messaging, cert: { provider: acme } } ]\n")),
        new("space cert bundle well formed", true, [], Space("space2", Standard + "  endpoints: [ { name: m, service: messaging, cert: { provider: certBundle, tlsKey: ZXhhbXBsZQ==, tlsCert: ZXhhbXBsZQ== } } ]\n")),
        new("space export kind unknown", false, ["addressspace.export"], Space("space2", Standard + "  endpoints: [ { name: m, service: messaging, exports: [ { kind: Deployment, name: x } ] } ]\n")),
        new("space type changed", false, ["addressspace.immutable"], Space("myspace", "  type: brokered\n  plan: brokered-single-broker\n"), "UPDATE", Space("myspace", Standard)),
        new("space plan changed", true, [], Space("myspace", "  type: standard\n  plan: standard-medium\n"), "UPDATE", Space("myspace", Standard)),
        new("space field typo", false, ["schema.required", "schema.unknown-field"], Space("space2", "  type: standard\n  plna: standard-small\n")),
        new("space field of the wrong type", false, ["schema.type"], Space("space2", "  type: standard\n  plan: 42\n")),

        new("address allowed", true, [], Address("myspace.q9", Queue)),
        new("address defaulted spec.address", true, [], Address("myspace.q9", "  type: queue\n  plan: standard-small-queue\n")),
        new("address name without space", false, ["address.name"], Address("q9", Queue)),
        new("address of a missing space", false, ["address.space"], Address("nospace.q9", Queue)),
        new("address with whitespace", false, ["address.address"], Address("myspace.q9", "  address: \"q 9\"\n  type: queue\n  plan: standard-small-queue\n")),
        new("address type not in brokered", false, ["address.plan-allowed", "address.type"], Address("bspace.a1", "  address: a1\n  type: anycast\n  plan: standard-small-anycast\n")),
        new("address plan unpublished", false, ["address.plan"], Address("myspace.q9", "  address: q9\n  type: queue\n  plan: standard-huge-queue\n")),
        new("address plan of another type", false, ["address.plan-type"], Address("myspace.q9", "  address: q9\n  type: queue\n  plan: standard-small-topic\n")),
        new("address plan not offered", false, ["address.plan-allowed"], Address("myspace.q9", "  address: q9\n  type: queue\n  plan: standard-xlarge-queue\n")),
        new("subscription of a missing topic", false, ["address.topic"], Address("myspace.s1", "  address: s1\n  type: subscription\n  plan: standard-small-subscription\n  topic: nope\n")),
        new("subscription of a topic", true, [], Address("myspace.s1", "  address: s1\n  type: subscription\n  plan: standard-small-subscription\n  topic: topic1\n")),
        new("address duplicate", false, ["address.duplicate"], Address("myspace.other", "  address: queue1\n  type: queue\n  plan: standard-small-queue\n")),
        new("address changed", false, ["address.immutable"], Address("myspace.queue1", "  address: queue2\n  type: queue\n  plan: standard-small-queue\n"), "UPDATE", Address("myspace.queue1", "  address: queue1\n  type: queue\n  plan: standard-small-queue\n")),

        new("user allowed", true, [], User("myspace.user1", Password + "  authorization: [ { addresses: [queue1], operations: [send] } ]\n")),
        new("user name without space", false, ["user.name"], User("user1", Password)),
        new("user of a missing space", false, ["user.space"], User("nospace.user1", Password)),
        new("user username pattern", false, ["user.username"], User("myspace.user1", Password.Replace("user1", "User_1", StringComparison.Ordinal))),
        new("user password missing", false, ["user.authentication"], User("myspace.user1", "  username: user1\n  authentication:\n    type: password\n")),
        new("user service account of another team", false, ["user.serviceaccount-namespace"], User("myspace.sa", "  username: system:serviceaccount:team2:app\n  authentication: { type: serviceaccount }\n")),
        new("user service account of its team", true, [], User("myspace.sa", "  username: system:serviceaccount:team1:app\n  authentication: { type: serviceaccount }\n")),
        new("user unknown operation", false, ["user.authorization"], User("myspace.user1", Password + "  authorization: [ { addresses: [queue1], operations: [publish] } ]\n")),
        new("user pattern matching nothing warns", true, ["user.authorization-address"], User("myspace.user1", Password + "  authorization: [ { addresses: [nothing*], operations: [send] } ]\n")),
        new("user username changed", false, ["user.immutable"], User("myspace.user1", Password.Replace("username: user1", "username: user2", StringComparison.Ordinal)), "UPDATE", User("myspace.user1", Password)),
    ];
}

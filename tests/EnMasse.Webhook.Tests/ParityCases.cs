namespace EnMasse.Webhook.Tests;

/// <summary>One parity case: an object as a tenant writes it, the operation, the stored version on UPDATE, and the namespace it is applied to.</summary>
public sealed record ParityCase(string Name, bool Allowed, string[] Rules, string Yaml, string Operation = "CREATE", string? Old = null, string Namespace = "team1")
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

    /// <summary>The object with more lines under metadata (annotations, finalizers, deletionTimestamp).</summary>
    private static string WithMetadata(string yaml, string lines) => yaml.Replace("  namespace: team1\n", "  namespace: team1\n" + lines, StringComparison.Ordinal);

    private const string Standard = "  type: standard\n  plan: standard-small\n";
    private const string Gold = "  type: standard\n  plan: gold\n";
    private const string HugeQueue = "  address: q7\n  type: queue\n  plan: standard-huge-queue\n";
    private const string Medium = "  type: standard\n  plan: standard-medium\n";

    private static string Annotated(string yaml, string annotations) =>
        yaml.Replace("  namespace: team1\n", $"  namespace: team1\n  annotations: {{ {annotations} }}\n", StringComparison.Ordinal);
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
        new("space field typo", false, ["schema.unknown-field"], Space("space2", "  type: standard\n  plna: standard-small\n")),
        new("space without a plan", false, ["schema.required"], Space("space2", "  type: standard\n")),
        new("space field of the wrong type", false, ["schema.type"], Space("space2", "  type: standard\n  plan: 42\n")),

        new("address allowed", true, [], Address("myspace.q9", Queue)),
        new("address defaulted spec.address", true, [], Address("myspace.q9", "  type: queue\n  plan: standard-small-queue\n")),
        new("address name without space", false, ["address.name"], Address("q9", Queue)),
        new("address of a missing space warns at admission", true, ["address.space"], Address("nospace.q9", Queue)),
        new("address with whitespace", false, ["address.address"], Address("myspace.q9", "  address: \"q 9\"\n  type: queue\n  plan: standard-small-queue\n")),
        new("address type not in brokered", false, ["address.plan", "address.type"], Address("bspace.a1", "  address: a1\n  type: anycast\n  plan: standard-small-anycast\n")),
        new("address plan unpublished", false, ["address.plan"], Address("myspace.q9", "  address: q9\n  type: queue\n  plan: standard-huge-queue\n")),
        new("address plan of another type", false, ["address.plan-type"], Address("myspace.q9", "  address: q9\n  type: queue\n  plan: standard-small-topic\n")),
        new("address plan not offered by the space plan warns", true, ["address.plan-allowed"], Address("myspace.q9", "  address: q9\n  type: queue\n  plan: standard-small-partitioned-queue\n")),
        new("address plan no brokered plan offers", false, ["address.plan"], Address("bspace.q9", "  address: q9\n  type: queue\n  plan: standard-small-queue\n")),
        new("subscription of a missing topic warns at admission", true, ["address.topic"], Address("myspace.s1", "  address: s1\n  type: subscription\n  plan: standard-small-subscription\n  topic: nope\n")),
        new("subscription of a topic", true, [], Address("myspace.s1", "  address: s1\n  type: subscription\n  plan: standard-small-subscription\n  topic: topic1\n")),
        new("address duplicate", false, ["address.duplicate"], Address("myspace.other", "  address: queue1\n  type: queue\n  plan: standard-small-queue\n")),
        new("address changed", false, ["address.immutable"], Address("myspace.queue1", "  address: queue2\n  type: queue\n  plan: standard-small-queue\n"), "UPDATE", Address("myspace.queue1", "  address: queue1\n  type: queue\n  plan: standard-small-queue\n")),

        new("user allowed", true, [], User("myspace.user1", Password + "  authorization: [ { addresses: [queue1], operations: [send] } ]\n")),
        new("user name without space", false, ["user.name"], User("user1", Password)),
        new("user of a missing space warns at admission", true, ["user.space"], User("nospace.user1", Password)),
        new("user username pattern", false, ["user.username"], User("myspace.user1", Password.Replace("user1", "User_1", StringComparison.Ordinal))),
        new("user password missing", false, ["user.authentication"], User("myspace.user1", "  username: user1\n  authentication:\n    type: password\n")),
        new("user service account of another team", false, ["user.serviceaccount-namespace"], User("myspace.sa", "  username: system:serviceaccount:team2:app\n  authentication: { type: serviceaccount }\n")),
        new("user service account of its team", true, [], User("myspace.sa", "  username: system:serviceaccount:team1:app\n  authentication: { type: serviceaccount }\n")),
        new("user unknown operation", false, ["user.authorization"], User("myspace.user1", Password + "  authorization: [ { addresses: [queue1], operations: [publish] } ]\n")),
        new("user pattern matching nothing warns", true, ["user.authorization-address"], User("myspace.user1", Password + "  authorization: [ { addresses: [nothing*], operations: [send] } ]\n")),
        new("user username changed", false, ["user.immutable"], User("myspace.user1", Password.Replace("username: user1", "username: user2", StringComparison.Ordinal)), "UPDATE", User("myspace.user1", Password)),

        // UPDATE semantics: what the change did not touch never denies (the stored objects break a fixed rule: their plan is not published).
        new("status-only update of a space whose plan is unpublished", true, [], Space("space3", Gold) + "status:\n  isReady: true\n  phase: Active\n", "UPDATE", Space("space3", Gold)),
        new("labels and finalizers update of an address whose plan is unpublished", true, [], WithMetadata(Address("myspace.q7", HugeQueue), "  labels: { team: a }\n  finalizers: [enmasse.io/address]\n"), "UPDATE", Address("myspace.q7", HugeQueue)),
        new("finalizer removal of a deleted address whose plan is unpublished", true, [], WithMetadata(Address("myspace.q7", HugeQueue), "  deletionTimestamp: \"2024-05-01T10:00:00Z\"\n"), "UPDATE", WithMetadata(Address("myspace.q7", HugeQueue), "  deletionTimestamp: \"2024-05-01T10:00:00Z\"\n  finalizers: [enmasse.io/address]\n")),
        new("space update keeping an unpublished plan warns", true, ["addressspace.plan"], Space("space3", Gold + "  endpoints: [ { name: m, service: messaging } ]\n"), "UPDATE", Space("space3", Gold)),
        new("space update of a protected annotation is judged", false, ["addressspace.plan", "addressspace.protected-annotation"], WithMetadata(Space("space3", Gold), "  annotations: { enmasse.io/realm-name: team1-space3 }\n"), "UPDATE", Space("space3", Gold)),
        new("space update introducing an unpublished plan is denied", false, ["addressspace.plan"], Space("space3", Gold), "UPDATE", Space("space3", Standard)),
        new("address update to another unpublished plan is denied", false, ["address.plan"], Address("myspace.q7", HugeQueue.Replace("standard-huge-queue", "standard-giant-queue", StringComparison.Ordinal)), "UPDATE", Address("myspace.q7", HugeQueue)),
        new("space type change is denied while an old finding is waived", false, ["addressspace.immutable", "addressspace.plan"], Space("space3", "  type: brokered\n  plan: gold\n"), "UPDATE", Space("space3", Gold)),

        // Issue #9: what EnMasse checks, per release (the shipped policy names 0.31), and the platform's protections.
        new("address in an apiVersion never served", false, ["schema.api-version"], Address("myspace.q9", Queue).Replace("enmasse.io/v1beta1", "enmasse.io/v1", StringComparison.Ordinal)),
        new("address in v1alpha1 on 0.31", false, ["schema.api-version"], Address("myspace.q9", Queue).Replace("v1beta1", "v1alpha1", StringComparison.Ordinal)),
        new("misspelt kind", false, ["schema.kind"], Address("myspace.q9", Queue).Replace("kind: Address", "kind: Adress", StringComparison.Ordinal)),
        new("metadata key the API server drops warns", true, ["metadata.unknown-field"], Address("myspace.q9", Queue).Replace("  namespace: team1\n", "  namespace: team1\n  addressSpace: myspace\n", StringComparison.Ordinal)),
        new("field of a later release", false, ["schema.unknown-field"], Address("myspace.q9", Queue + "  messageTtl: { maximum: 60000 }\n")),
        new("legacy spec.addressSpace equal to the prefix", true, [], Address("myspace.q9", Queue + "  addressSpace: myspace\n")),
        new("legacy spec.addressSpace of another space", false, ["address.name"], Address("myspace.q9", Queue + "  addressSpace: other\n")),
        new("address name part over 60 characters", false, ["address.name"], Address("myspace." + new string('q', 61), Queue)),
        new("address with the reserved prefix", false, ["address.address"], Address("myspace.q9", "  address: _!q9\n  type: queue\n  plan: standard-small-queue\n")),
        new("long address without whitespace", true, [], Address("myspace.q9", $"  address: {new string('q', 300)}\n  type: queue\n  plan: standard-small-queue\n")),
        new("topic on a queue warns", true, ["address.topic"], Address("myspace.q9", Queue + "  topic: topic1\n")),
        new("queue that does not fit the space plan", false, ["capacity.address"], Address("myspace.q9", "  address: q9\n  type: queue\n  plan: standard-large-queue\n")),
        new("anycast that fits the larger plan", true, [], Address("bigspace.a9", "  address: a9\n  type: anycast\n  plan: standard-small-anycast\n")),
        new("plan change the addresses do not fit", false, ["capacity.plan-change"], Space("bigspace", Standard), "UPDATE", Space("bigspace", Medium)),
        new("forwarder without connectors", false, ["address.forwarder"], Address("myspace.q9", Queue + "  forwarders: [ { name: f1, remoteAddress: remote1/q9, direction: out } ]\n")),
        new("connector name EnMasse refuses", false, ["addressspace.connector"], Space("space2", Standard + "  connectors: [ { name: remote-1, endpointHosts: [ { host: example.com } ] } ]\n")),
        new("connector and rule EnMasse takes", true, [], Space("space2", Standard + "  connectors: [ { name: remote1, endpointHosts: [ { host: example.com } ], addresses: [ { name: p1, pattern: \"prices/*\" } ] } ]\n")),
        new("space name of 61 characters", false, ["addressspace.name"], Space(new string('s', 61), Standard)),
        new("tenant sets the realm of another space", false, ["addressspace.protected-annotation", "addressspace.realm-collision"], Annotated(Space("space2", Standard), "enmasse.io/realm-name: team1-myspace")),
        new("tenant adds the annotations on update", false, ["addressspace.protected-annotation"], Annotated(Space("space2", Standard), "enmasse.io/realm-name: team1-space2, enmasse.io/infra-uuid: abc123"), "UPDATE", Space("space2", Standard)),
        new("tenant file without the annotations keeps them", true, [], Space("space2", Medium), "UPDATE", Annotated(Space("space2", Standard), "enmasse.io/infra-uuid: abc123")),
        new("tenant changes the infra uuid", false, ["addressspace.protected-annotation"], Annotated(Space("space2", Standard), "enmasse.io/infra-uuid: other"), "UPDATE", Annotated(Space("space2", Standard), "enmasse.io/infra-uuid: abc123")),
        new("cert secret of another space", false, ["addressspace.cert-secret"], Space("space2", Standard + "  endpoints: [ { name: m, service: messaging, cert: { provider: selfsigned, secretName: external-certs-messaging-other } } ]\n")),
        new("cert secret the space owns", true, [], Annotated(Space("space2", Standard + "  endpoints: [ { name: m, service: messaging, cert: { provider: selfsigned, secretName: external-certs-messaging-abc123 } } ]\n"), "enmasse.io/infra-uuid: abc123"), "UPDATE", Annotated(Space("space2", Standard), "enmasse.io/infra-uuid: abc123")),
        new("cert without provider", true, [], Space("space2", Standard + "  endpoints: [ { name: m, service: messaging, cert: {} } ]\n")),
        new("username another user of the space has", false, ["user.username-duplicate"], User("myspace.app2", Password.Replace("username: user1", "username: app", StringComparison.Ordinal))),
        new("federated user on 0.31", false, ["user.authentication"], User("myspace.fed", "  username: fed\n  authentication: { type: federated, provider: openshift, federatedUserid: \"1\", federatedUsername: fed }\n")),
        new("unpadded password on 0.31", false, ["user.authentication"], User("myspace.user1", Password.Replace("cGFzc3dvcmQ=", "cGFzc3dvcmQ", StringComparison.Ordinal))),
        new("manage and view without addresses", true, [], User("myspace.user1", Password + "  authorization: [ { operations: [manage] }, { operations: [view], addresses: [] } ]\n")),
        new("brokered wildcard words", true, [], User("bspace.user1", Password + "  authorization: [ { operations: [recv], addresses: [\"topic/+\", \"topic/*\", \"*\"] } ]\n")),
    ];
}

namespace EnMasse.Testing;

/// <summary>The objects that exist unless a test says otherwise: two address spaces of team1 and three addresses.</summary>
public static class World
{
    public const string Namespace = "team1";

    public const string Team1 = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: myspace, namespace: team1 }
        spec: { type: standard, plan: standard-small }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: bspace, namespace: team1 }
        spec: { type: brokered, plan: brokered-single-broker }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: myspace.topic1, namespace: team1 }
        spec: { address: topic1, type: topic, plan: standard-small-topic }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: myspace.queue1, namespace: team1 }
        spec: { address: queue1, type: queue, plan: standard-small-queue }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: myspace.orders-in, namespace: team1 }
        spec: { address: orders-in, type: queue, plan: standard-small-queue }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: bspace.prices, namespace: team1 }
        spec: { address: topic/prices, type: topic, plan: brokered-topic }
        ---
        apiVersion: user.enmasse.io/v1beta1
        kind: MessagingUser
        metadata: { name: myspace.app, namespace: team1 }
        spec: { username: app, authentication: { type: password, password: YXBwLXNlY3JldA== }, authorization: [ { operations: [send], addresses: [queue1] } ] }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: bigspace, namespace: team1 }
        spec: { type: standard, plan: standard-medium }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: bigspace.big1, namespace: team1 }
        spec: { address: big1, type: queue, plan: standard-xlarge-queue }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: bigspace.big2, namespace: team1 }
        spec: { address: big2, type: queue, plan: standard-large-queue }
        """;
}

namespace EnMasse.Testing;

/// <summary>
/// A tenant directory whose files `kubectl apply -f dir/` applies in name order: the subscription
/// before its topic, the Addresses and the MessagingUser before their AddressSpace. Nothing in it
/// is wrong; only the order is. The objects name no namespace (applied with -n team1).
/// </summary>
public static class ApplyOrder
{
    public const string Namespace = "team1";

    public static IReadOnlyList<(string File, string Yaml)> Files { get; } =
    [
        ("10-audit-subscription.yaml", """
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: shop.audit-reader }
            spec: { address: audit-reader, type: subscription, plan: standard-small-subscription, topic: audit }
            """),
        ("20-queues.yaml", """
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: shop.orders }
            spec: { address: orders, type: queue, plan: standard-small-queue }
            ---
            apiVersion: enmasse.io/v1beta1
            kind: Address
            metadata: { name: shop.audit }
            spec: { address: audit, type: topic, plan: standard-small-topic }
            """),
        ("30-user.yaml", """
            apiVersion: user.enmasse.io/v1beta1
            kind: MessagingUser
            metadata: { name: shop.app }
            spec:
              username: app
              authentication: { type: password, password: cGFzc3dvcmQ= }
              authorization: [ { addresses: [orders], operations: [send, recv] } ]
            """),
        ("40-space.yaml", """
            apiVersion: enmasse.io/v1beta1
            kind: AddressSpace
            metadata: { name: shop }
            spec: { type: standard, plan: standard-small }
            """),
    ];

    /// <summary>Writes the files into a directory and returns it.</summary>
    public static string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (file, yaml) in Files)
        {
            File.WriteAllText(Path.Combine(directory, file), yaml + "\n");
        }

        return directory;
    }
}

using System.Globalization;

namespace EnMasse.Benchmarks.Generate;

/// <summary>
/// EnMasse objects as a cluster holds them: a `kubectl get -o yaml` item carries metadata and
/// status besides its spec, about 450 bytes of YAML per Address. Names are numbered, so every
/// run generates the same bytes.
/// </summary>
internal static class Objects
{
    public static string Namespace(int i) => "team" + i.ToString("D4", CultureInfo.InvariantCulture);

    public static string Space(int i) => "space" + i.ToString("D5", CultureInfo.InvariantCulture);

    public static string Queue(int i) => "queue-" + i.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>One item of a List, indented for `items:`, with cluster metadata and status.</summary>
    public static string SpaceItem(string ns, string space, int n) => $"""
        - apiVersion: enmasse.io/v1beta1
          kind: AddressSpace
          metadata:
            annotations:
              enmasse.io/applied-plan: standard-small
            creationTimestamp: "2020-03-01T10:00:00Z"
            generation: 1
            name: {space}
            namespace: {ns}
            resourceVersion: "{100000 + n}"
            uid: {Uid(n)}
          spec:
            plan: standard-small
            type: standard
          status:
            isReady: true
            phase: Active

        """;

    public static string AddressItem(string ns, string space, string address, int n) => $"""
        - apiVersion: enmasse.io/v1beta1
          kind: Address
          metadata:
            creationTimestamp: "2020-03-01T10:00:00Z"
            generation: 1
            name: {space}.{address}
            namespace: {ns}
            resourceVersion: "{200000 + n}"
            uid: {Uid(1_000_000 + n)}
          spec:
            address: {address}
            plan: standard-small-queue
            type: queue
          status:
            isReady: true
            phase: Active
            planStatus:
              name: standard-small-queue
              partitions: 1
              resources: {"{"} broker: 0.01, router: 0.001 {"}"}
            brokerStatuses:
            - clusterId: broker-{space}
              containerId: broker-{space}-0
              state: Active

        """;

    /// <summary>A tenant file's objects: what a team keeps in git (no status).</summary>
    public static string TenantAddress(string ns, string space, string address) => $"""
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata:
          name: {space}.{address}
          namespace: {ns}
          labels: {"{"} team: {ns} {"}"}
        spec:
          address: {address}
          type: queue
          plan: standard-small-queue

        """;

    public static string TenantSpace(string ns, string space) => $"""
        ---
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata:
          name: {space}
          namespace: {ns}
        spec:
          type: standard
          plan: standard-small

        """;

    /// <summary>The JSON an API server's watch carries for one Address.</summary>
    public static string AddressJson(string ns, string space, string address, int n) =>
        $$$"""{"apiVersion":"enmasse.io/v1beta1","kind":"Address","metadata":{"creationTimestamp":"2020-03-01T10:00:00Z","generation":1,"name":"{{{space}}}.{{{address}}}","namespace":"{{{ns}}}","resourceVersion":"{{{200000 + n}}}","uid":"{{{Uid(1_000_000 + n)}}}"},"spec":{"address":"{{{address}}}","plan":"standard-small-queue","type":"queue"},"status":{"isReady":true,"phase":"Active","planStatus":{"name":"standard-small-queue","partitions":1,"resources":{"broker":0.01,"router":0.001}},"brokerStatuses":[{"clusterId":"broker-{{{space}}}","containerId":"broker-{{{space}}}-0","state":"Active"}]}}""";

    public static string SpaceJson(string ns, string space, int n) =>
        $$$"""{"apiVersion":"enmasse.io/v1beta1","kind":"AddressSpace","metadata":{"creationTimestamp":"2020-03-01T10:00:00Z","generation":1,"name":"{{{space}}}","namespace":"{{{ns}}}","resourceVersion":"{{{100000 + n}}}","uid":"{{{Uid(n)}}}"},"spec":{"plan":"standard-small","type":"standard"},"status":{"isReady":true,"phase":"Active"}}""";

    private static string Uid(int n) => $"4b8f{n:D8}-0000-4000-8000-000000000000";
}

namespace EnMasse.Testing;

/// <summary>
/// Two teams with entitlements, and what they hold: team-payments, named exactly by the first
/// entry, and every team-* namespace under the second, team-web among them. team-web holds two
/// spaces although its entry allows one (the limit was lowered after web-old was made), each
/// space of both teams is one object short of or at its limits, and "other" has no entry at all.
/// </summary>
public static class TenantWorld
{
    public const string Policy = """
        apiVersion: policy.enmasse.io/v1alpha1
        kind: AdmissionPolicy
        metadata: { name: teams }
        spec:
          enmasseVersion: "0.31"
          defaults: { authenticationService: standard-authservice }
          tenants:
            - namespaces: [team-payments]
              addressSpacePlans: [standard-small, standard-medium]
              maxAddressSpaces: 2
              maxAddresses: 3
              maxMessagingUsers: 2
              addressSpaceNames: "^pay-"
              authenticationTypes: [serviceaccount]
            - namespaces: ["team-*"]
              addressSpacePlans: [standard-small]
              addressPlans: [standard-small-queue, standard-small-topic]
              maxAddressSpaces: 1
              maxAddresses: 2
              maxMessagingUsers: 1
        """;

    public const string Objects = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: pay-orders, namespace: team-payments }
        spec: { type: standard, plan: standard-medium }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: pay-orders.q1, namespace: team-payments }
        spec: { address: q1, type: queue, plan: standard-small-queue }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: pay-orders.q2, namespace: team-payments }
        spec: { address: q2, type: queue, plan: standard-small-queue }
        ---
        apiVersion: user.enmasse.io/v1beta1
        kind: MessagingUser
        metadata: { name: pay-orders.app, namespace: team-payments }
        spec: { username: "system:serviceaccount:team-payments:app", authentication: { type: serviceaccount } }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: web-shop, namespace: team-web }
        spec: { type: standard, plan: standard-small }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: web-old, namespace: team-web }
        spec: { type: standard, plan: standard-small }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: web-shop.q1, namespace: team-web }
        spec: { address: q1, type: queue, plan: standard-small-queue }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: Address
        metadata: { name: web-shop.q2, namespace: team-web }
        spec: { address: q2, type: queue, plan: standard-small-queue }
        ---
        apiVersion: user.enmasse.io/v1beta1
        kind: MessagingUser
        metadata: { name: web-shop.app, namespace: team-web }
        spec: { username: app, authentication: { type: password, password: YXBwLXNlY3JldA== } }
        """;
}

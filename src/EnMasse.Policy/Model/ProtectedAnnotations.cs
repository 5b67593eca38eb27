namespace EnMasse.Policy.Model;

/// <summary>
/// The annotations EnMasse sets on an AddressSpace only when they are absent and then trusts:
/// <c>enmasse.io/realm-name</c> picks the Keycloak realm of the router, of every MessagingUser and
/// of the realm deleted at finalization; <c>enmasse.io/infra-uuid</c> names the infrastructure the
/// space runs on. A tenant who writes them can point a space at another tenant's realm or
/// infrastructure. This is the one list: a change to them is a change to be judged even when
/// spec is unchanged, and the tenant-protection rule guards the same keys.
/// </summary>
public static class ProtectedAnnotations
{
    public const string RealmName = "enmasse.io/realm-name";

    public const string InfraUuid = "enmasse.io/infra-uuid";

    public static IReadOnlyList<string> All { get; } = [RealmName, InfraUuid];
}

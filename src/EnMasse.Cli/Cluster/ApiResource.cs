namespace EnMasse.Cli.Cluster;

/// <summary>
/// A resource the audit reads, by its REST coordinates. The paths are the same whether an
/// aggregated API server (EnMasse 0.27-0.30) or a CRD (0.31+) serves them.
/// </summary>
internal sealed record ApiResource(string Group, string Version, string Plural, string Kind, bool Published)
{
    public string GroupVersion => $"{Group}/{Version}";

    public override string ToString() => $"{Plural}.{Group}/{Version}";

    /// <summary>What tenants write, read in every namespace (or the one asked for).</summary>
    public static IReadOnlyList<ApiResource> Tenants { get; } =
    [
        new("enmasse.io", "v1beta1", "addressspaces", "AddressSpace", false),
        new("enmasse.io", "v1beta1", "addresses", "Address", false),
        new("user.enmasse.io", "v1beta1", "messagingusers", "MessagingUser", false),
    ];

    /// <summary>What EnMasse publishes in its infra namespace: the plans and what they name.</summary>
    public static IReadOnlyList<ApiResource> PublishedKinds { get; } =
    [
        new("admin.enmasse.io", "v1beta2", "addressspaceplans", "AddressSpacePlan", true),
        new("admin.enmasse.io", "v1beta2", "addressplans", "AddressPlan", true),
        new("admin.enmasse.io", "v1beta1", "standardinfraconfigs", "StandardInfraConfig", true),
        new("admin.enmasse.io", "v1beta1", "brokeredinfraconfigs", "BrokeredInfraConfig", true),
        new("admin.enmasse.io", "v1beta1", "authenticationservices", "AuthenticationService", true),
    ];

    /// <summary>The APIService that serves the tenant kinds when EnMasse's aggregated API server does.</summary>
    public const string TenantApiService = "v1beta1.enmasse.io";
}

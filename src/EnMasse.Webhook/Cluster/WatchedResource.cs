namespace EnMasse.Webhook.Cluster;

/// <summary>A resource the catalogue lists and watches: plans and infra in the infra namespace, tenant objects everywhere.</summary>
internal sealed record WatchedResource(string Group, string Version, string Plural, bool InfraNamespaceOnly)
{
    public static IReadOnlyList<WatchedResource> All { get; } =
    [
        new("admin.enmasse.io", "v1beta2", "addressspaceplans", true),
        new("admin.enmasse.io", "v1beta2", "addressplans", true),
        new("admin.enmasse.io", "v1beta1", "standardinfraconfigs", true),
        new("admin.enmasse.io", "v1beta1", "brokeredinfraconfigs", true),
        new("admin.enmasse.io", "v1beta1", "authenticationservices", true),
        new("enmasse.io", "v1beta1", "addressspaces", false),
        new("enmasse.io", "v1beta1", "addresses", false),
        // For user.username-duplicate: the usernames taken in each address space.
        new("user.enmasse.io", "v1beta1", "messagingusers", false),
    ];

    /// <summary>Readiness waits for these: without plans and address spaces most verdicts would be wrong.</summary>
    public bool NeededForReadiness => Plural is "addressspaceplans" or "addressplans" or "addressspaces";

    public override string ToString() => $"{Plural}.{Group}/{Version}";
}

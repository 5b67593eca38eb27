namespace EnMasse.Policy.Model;

/// <summary>The EnMasse kinds this product knows; any other group, version or kind passes untouched.</summary>
public enum ResourceKind
{
    AddressSpace,
    Address,
    MessagingUser,
    AddressSpacePlan,
    AddressPlan,
    StandardInfraConfig,
    BrokeredInfraConfig,
    AuthenticationService,
}

public static class KnownKinds
{
    private static readonly string[] TenantVersions = ["v1beta1", "v1alpha1"];
    private static readonly string[] AdminVersions = ["v1beta2", "v1beta1", "v1alpha1"];

    /// <summary>Resolves apiVersion and kind; false for anything that is not an EnMasse kind of a version EnMasse served.</summary>
    public static bool TryResolve(string? apiVersion, string? kind, out ResourceKind resolved)
    {
        resolved = default;
        if (apiVersion is null || kind is null)
        {
            return false;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var group = apiVersion[..slash];
        var version = apiVersion[(slash + 1)..];
        (string Group, string[] Versions)? expected = kind switch
        {
            "AddressSpace" or "Address" => ("enmasse.io", TenantVersions),
            "MessagingUser" => ("user.enmasse.io", TenantVersions),
            "AddressSpacePlan" or "AddressPlan" or "StandardInfraConfig" or "BrokeredInfraConfig" or "AuthenticationService" => ("admin.enmasse.io", AdminVersions),
            _ => null,
        };
        if (expected is not { } e || e.Group != group || !e.Versions.Contains(version))
        {
            return false;
        }

        return Enum.TryParse(kind, ignoreCase: false, out resolved);
    }

    public static bool IsTenant(this ResourceKind kind) => kind is ResourceKind.AddressSpace or ResourceKind.Address or ResourceKind.MessagingUser;
}

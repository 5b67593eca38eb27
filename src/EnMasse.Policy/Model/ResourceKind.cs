using System.Collections.Frozen;
using EnMasse.Policy.Vocabulary;

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

    /// <summary>
    /// An object of an EnMasse API group that is none of the kinds above in a version EnMasse
    /// served: a misspelt kind or an apiVersion no release serves. Judged only for that.
    /// </summary>
    Foreign,
}

public static class KnownKinds
{
    public const string TenantGroup = "enmasse.io";
    public const string UserGroup = "user.enmasse.io";
    public const string AdminGroup = "admin.enmasse.io";

    private static readonly string[] TenantVersions = ["v1beta1", "v1alpha1"];
    private static readonly string[] AdminVersions = ["v1beta2", "v1beta1", "v1alpha1"];

    /// <summary>The API groups of EnMasse: an object of these groups that is not ours to judge may still be a mistake.</summary>
    public static FrozenSet<string> Groups { get; } = new[] { TenantGroup, UserGroup, AdminGroup, "iot.enmasse.io" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Real kinds of EnMasse's groups that are neither tenant nor operator kinds here (OLM
    /// examples carry AddressSpaceSchema, ConsoleService, IoTConfig and IoTProject; later
    /// releases add the shared-infrastructure kinds): never a finding.
    /// </summary>
    public static FrozenSet<string> OtherKinds { get; } = new[]
    {
        "AddressSpaceSchema", "ConsoleService", "IoTConfig", "IoTProject", "IoTInfrastructure", "IoTTenant",
        "KafkaInfraConfig", "MessagingInfrastructure", "MessagingTenant", "MessagingProject", "MessagingAddress",
        "MessagingAddressPlan", "MessagingPlan", "MessagingEndpoint", "MessagingConsole", "IdentityProvider",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Resolves apiVersion and kind; false for anything that is not an EnMasse kind of a version some EnMasse release served.</summary>
    public static bool TryResolve(string? apiVersion, string? kind, out ResourceKind resolved)
    {
        resolved = default;
        if (kind is null || !TrySplit(apiVersion, out var group, out var version) || GroupOf(kind) is not { } expected || expected != group)
        {
            return false;
        }

        var versions = expected == AdminGroup ? AdminVersions : TenantVersions;
        return versions.Contains(version) && Enum.TryParse(kind, ignoreCase: false, out resolved) && resolved != ResourceKind.Foreign;
    }

    /// <summary>The API group of one of our kinds, or null.</summary>
    public static string? GroupOf(string kind) => kind switch
    {
        "AddressSpace" or "Address" => TenantGroup,
        "MessagingUser" => UserGroup,
        "AddressSpacePlan" or "AddressPlan" or "StandardInfraConfig" or "BrokeredInfraConfig" or "AuthenticationService" => AdminGroup,
        _ => null,
    };

    /// <summary>The tenant versions a release serves: v1beta1 always; v1alpha1 too while EnMasse's own API server served the kinds (up to 0.30).</summary>
    public static IReadOnlyList<string> ServedTenantVersions(EnMasseVersion release) => release.AtMost(30) ? ["v1beta1", "v1alpha1"] : ["v1beta1"];

    /// <summary>True when apiVersion names one of EnMasse's groups.</summary>
    public static bool IsEnMasseGroup(string? apiVersion) => TrySplit(apiVersion, out var group, out _) && Groups.Contains(group);

    public static bool TrySplit(string? apiVersion, out string group, out string version)
    {
        group = version = string.Empty;
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0)
        {
            return false;
        }

        group = apiVersion![..slash];
        version = apiVersion[(slash + 1)..];
        return true;
    }

    public static bool IsTenant(this ResourceKind kind) => kind is ResourceKind.AddressSpace or ResourceKind.Address or ResourceKind.MessagingUser;
}

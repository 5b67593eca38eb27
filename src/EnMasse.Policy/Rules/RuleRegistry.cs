using System.Collections.Frozen;
using EnMasse.Policy.Model;
using EnMasse.Policy.Rules.Addresses;
using EnMasse.Policy.Rules.AddressSpaces;
using EnMasse.Policy.Rules.Capacity;
using EnMasse.Policy.Rules.Input;
using EnMasse.Policy.Rules.Tenants;
using EnMasse.Policy.Rules.Users;

namespace EnMasse.Policy.Rules;

/// <summary>Every rule of rules.md, registered in this one list. The doors, the policy check and the docs read it from here.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new YamlSyntaxRule(),
        new YamlDuplicateKeyRule(),
        new SchemaUnknownFieldRule(),
        new SchemaTypeRule(),
        new SchemaRequiredRule(),
        new SchemaApiVersionRule(),
        new SchemaKindRule(),
        new MetadataUnknownFieldRule(),

        new AddressSpaceNameRule(),
        new AddressSpaceTypeRule(),
        new AddressSpacePlanRule(),
        new AddressSpacePlanTypeRule(),
        new AddressSpaceAuthenticationServiceRule(),
        new AddressSpaceEndpointRule(),
        new AddressSpaceCertRule(),
        new AddressSpaceExportRule(),
        new AddressSpaceImmutableRule(),
        new AddressSpaceConnectorRule(),
        new AddressSpaceProtectedAnnotationRule(),
        new AddressSpaceCertSecretRule(),
        new AddressSpaceRealmCollisionRule(),

        new AddressNameRule(),
        new AddressSpaceRefRule(),
        new AddressAddressRule(),
        new AddressTypeRule(),
        new AddressPlanRule(),
        new AddressPlanTypeRule(),
        new AddressPlanAllowedRule(),
        new AddressTopicRule(),
        new AddressDuplicateRule(),
        new AddressImmutableRule(),
        new AddressForwarderRule(),

        new UserNameRule(),
        new UserSpaceRule(),
        new UserUsernameRule(),
        new UserAuthenticationRule(),
        new UserServiceAccountNamespaceRule(),
        new UserAuthorizationRule(),
        new UserAuthorizationAddressRule(),
        new UserImmutableRule(),
        new UserUsernameDuplicateRule(),

        new CapacityAddressRule(),
        new CapacityPlanChangeRule(),

        new TenantPlanRule(),
        new TenantAddressPlanRule(),
        new TenantQuotaRule(),
        new TenantNamingRule(),
        new TenantAuthenticationRule(),
    ];

    private static readonly FrozenDictionary<string, IRule> ById = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    private static readonly FrozenDictionary<ResourceKind, ITenantRule[]> ByKind = All
        .OfType<ITenantRule>()
        .SelectMany(r => r.Kinds, (rule, kind) => (Rule: rule, Kind: kind))
        .GroupBy(r => r.Kind, r => r.Rule)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray());

    public static IRule? Find(string id) => ById.GetValueOrDefault(id);

    public static IReadOnlyList<ITenantRule> For(ResourceKind kind) => ByKind.TryGetValue(kind, out var rules) ? rules : [];

    /// <summary>True when a rule pattern of an exemption (an id or a glob such as address.* or address.plan*) names at least one rule.</summary>
    public static bool PatternNamesRule(string pattern) => All.Any(r => PatternMatches(pattern, r.Id));

    public static bool PatternMatches(string pattern, string id) => Naming.Names.GlobMatches(pattern, id);
}

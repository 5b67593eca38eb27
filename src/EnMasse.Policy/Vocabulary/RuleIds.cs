namespace EnMasse.Policy.Vocabulary;

/// <summary>The stable ids of rules.md. Renaming one is a breaking change.</summary>
public static class RuleIds
{
    public const string YamlSyntax = "yaml.syntax";
    public const string YamlDuplicateKey = "yaml.duplicate-key";
    public const string SchemaUnknownField = "schema.unknown-field";
    public const string SchemaType = "schema.type";
    public const string SchemaRequired = "schema.required";
    public const string SchemaApiVersion = "schema.api-version";
    public const string SchemaKind = "schema.kind";
    public const string MetadataUnknownField = "metadata.unknown-field";

    public const string AddressSpaceName = "addressspace.name";
    public const string AddressSpaceType = "addressspace.type";
    public const string AddressSpacePlan = "addressspace.plan";
    public const string AddressSpacePlanType = "addressspace.plan-type";
    public const string AddressSpaceAuthenticationService = "addressspace.authentication-service";
    public const string AddressSpaceEndpoint = "addressspace.endpoint";
    public const string AddressSpaceCert = "addressspace.cert";
    public const string AddressSpaceExport = "addressspace.export";
    public const string AddressSpaceImmutable = "addressspace.immutable";
    public const string AddressSpaceConnector = "addressspace.connector";
    public const string AddressSpaceProtectedAnnotation = "addressspace.protected-annotation";
    public const string AddressSpaceCertSecret = "addressspace.cert-secret";
    public const string AddressSpaceRealmCollision = "addressspace.realm-collision";

    public const string AddressName = "address.name";
    public const string AddressSpaceRef = "address.space";
    public const string AddressAddress = "address.address";
    public const string AddressType = "address.type";
    public const string AddressPlan = "address.plan";
    public const string AddressPlanType = "address.plan-type";
    public const string AddressPlanAllowed = "address.plan-allowed";
    public const string AddressTopic = "address.topic";
    public const string AddressDuplicate = "address.duplicate";
    public const string AddressImmutable = "address.immutable";
    public const string AddressForwarder = "address.forwarder";

    public const string UserName = "user.name";
    public const string UserSpace = "user.space";
    public const string UserUsername = "user.username";
    public const string UserAuthentication = "user.authentication";
    public const string UserServiceAccountNamespace = "user.serviceaccount-namespace";
    public const string UserAuthorization = "user.authorization";
    public const string UserAuthorizationAddress = "user.authorization-address";
    public const string UserImmutable = "user.immutable";
    public const string UserUsernameDuplicate = "user.username-duplicate";

    public const string CapacityAddress = "capacity.address";
    public const string CapacityPlanChange = "capacity.plan-change";

    public const string TenantPlan = "tenant.plan";
    public const string TenantAddressPlan = "tenant.address-plan";
    public const string TenantQuota = "tenant.quota";
    public const string TenantNaming = "tenant.naming";
    public const string TenantAuthentication = "tenant.authentication";

    public const string DefaultEndpoints = "default.endpoints";
    public const string DefaultCert = "default.cert";
    public const string DefaultAuthenticationService = "default.authentication-service";
    public const string DefaultAddress = "default.address";
}

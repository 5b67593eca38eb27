using System.Collections.Frozen;
using System.Text.Json.Nodes;
using EnMasse.Policy.Vocabulary;
using NJsonSchema;

namespace EnMasse.Policy.Schema;

/// <summary>
/// The JSON Schemas of the EnMasse kinds, shipped as resources: one base schema per kind (the
/// 0.31 field set), turned into each release's field set by <see cref="VersionedFields"/>,
/// compiled once per kind and release, on first use, with System.Text.Json (NJsonSchema only
/// prints them for `policy schema`: parsing them through it was most of a CLI run's start-up).
/// </summary>
public static class KindSchemas
{
    private static readonly string[] Names =
    [
        "AddressSpace", "Address", "MessagingUser", "AddressSpacePlan", "AddressPlan",
        "StandardInfraConfig", "BrokeredInfraConfig", "AuthenticationService",
    ];

    private static readonly FrozenDictionary<(string Kind, int Minor), Lazy<(string Json, CompiledSchema Compiled)>> All =
        Names.SelectMany(k => EnMasseVersion.Supported.Select(v => (k, v)))
            .ToFrozenDictionary(p => (p.k, p.v.Minor), p => new Lazy<(string, CompiledSchema)>(() => Load(p.k, p.v)));

    public static IEnumerable<string> Kinds => Names;

    public static CompiledSchema? For(string kind, EnMasseVersion version) =>
        All.TryGetValue((kind, version.Minor), out var s) ? s.Value.Compiled : null;

    /// <summary>The schema of a release as JSON, for editors and for `policy schema`.</summary>
    public static string JsonFor(string kind, EnMasseVersion version) =>
        JsonSchema.FromJsonAsync(All[(kind, version.Minor)].Value.Json).GetAwaiter().GetResult().ToJson();

    internal static JsonSchema LoadResource(string logicalName) =>
        JsonSchema.FromJsonAsync(ReadResource(logicalName)).GetAwaiter().GetResult();

    internal static string ReadResource(string logicalName)
    {
        var assembly = typeof(KindSchemas).Assembly;
        using var stream = assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"schema resource {logicalName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static (string, CompiledSchema) Load(string kind, EnMasseVersion version)
    {
        var json = JsonNode.Parse(ReadResource($"EnMasse.Policy.Schema.{kind}.json"))!.AsObject();
        VersionedFields.Apply(json, kind, version);
        json["description"] = $"{json["description"]?.GetValue<string>()} Field set of EnMasse {version}.";
        var text = json.ToJsonString();
        return (text, CompiledSchema.FromJson(text));
    }
}

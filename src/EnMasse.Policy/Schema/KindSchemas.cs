using System.Collections.Frozen;
using NJsonSchema;

namespace EnMasse.Policy.Schema;

/// <summary>The JSON Schemas of the EnMasse kinds, shipped as resources, parsed by NJsonSchema and compiled once.</summary>
public static class KindSchemas
{
    private static readonly Lazy<FrozenDictionary<string, (JsonSchema Source, CompiledSchema Compiled)>> All = new(Load);

    public static IEnumerable<string> Kinds => All.Value.Keys;

    public static CompiledSchema? For(string kind) => All.Value.TryGetValue(kind, out var s) ? s.Compiled : null;

    /// <summary>The schema as JSON, for editors and for `policy schema`.</summary>
    public static string JsonFor(string kind) => All.Value[kind].Source.ToJson();

    internal static JsonSchema LoadResource(string logicalName)
    {
        var assembly = typeof(KindSchemas).Assembly;
        using var stream = assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"schema resource {logicalName} is missing from the build");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }

    private static FrozenDictionary<string, (JsonSchema, CompiledSchema)> Load()
    {
        string[] kinds =
        [
            "AddressSpace", "Address", "MessagingUser", "AddressSpacePlan", "AddressPlan",
            "StandardInfraConfig", "BrokeredInfraConfig", "AuthenticationService",
        ];
        return kinds.ToFrozenDictionary(
            k => k,
            k =>
            {
                var source = LoadResource($"EnMasse.Policy.Schema.{k}.json");
                return (source, CompiledSchema.Compile(source));
            },
            StringComparer.Ordinal);
    }
}

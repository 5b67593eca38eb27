using EnMasse.Policy.Policies;
using EnMasse.Policy.Schema;
using EnMasse.Policy.Vocabulary;
using NJsonSchema;

namespace EnMasse.Policy.Tests.Schema;

/// <summary>The schemas compiled with System.Text.Json hold what NJsonSchema reads from the same files, keyword by keyword.</summary>
public sealed class CompiledSchemaTests
{
    public static TheoryData<string> Kinds() => [.. KindSchemas.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_kind_schema_of_every_release_compiles_to_what_njsonschema_reads(string kind)
    {
        foreach (var version in EnMasseVersion.Supported)
        {
            AssertSame(await JsonSchema.FromJsonAsync(KindSchemas.JsonFor(kind, version)), KindSchemas.For(kind, version)!, $"{kind} {version}", []);
        }
    }

    [Fact]
    public async Task The_policy_schemas_compile_to_what_njsonschema_reads()
    {
        AssertSame(await JsonSchema.FromJsonAsync(PolicySchemas.AdmissionPolicyJson), PolicySchemas.AdmissionPolicy, "AdmissionPolicy", []);
        AssertSame(await JsonSchema.FromJsonAsync(PolicySchemas.PolicyTestJson), PolicySchemas.PolicyTest, "PolicyTest", []);
    }

    [Fact]
    public void A_reference_is_compiled_once_and_shared()
    {
        var schema = CompiledSchema.FromJson("""
            {"type":"object","properties":{"a":{"$ref":"#/definitions/X"},"b":{"$ref":"#/definitions/X"}},
             "definitions":{"X":{"type":["string","null"],"enum":["p","q"]}}}
            """);
        Assert.Same(schema.Properties["a"], schema.Properties["b"]);
        Assert.Equal(JsonObjectType.String | JsonObjectType.Null, schema.Properties["a"].Types);
        Assert.Equal(["p", "q"], schema.Properties["a"].Enumeration);
    }

    private static void AssertSame(JsonSchema expected, CompiledSchema actual, string path, HashSet<CompiledSchema> seen)
    {
        if (!seen.Add(actual))
        {
            return;
        }

        var source = expected.ActualSchema;
        Assert.True(source.Type == actual.Types, $"{path}: type {source.Type} != {actual.Types}");
        Assert.True(source.Description == actual.Description, $"{path}: description");
        Assert.True(source.RequiredProperties.SequenceEqual(actual.Required), $"{path}: required");
        Assert.True((!source.AllowAdditionalProperties && source.AdditionalPropertiesSchema is null) == actual.Closed, $"{path}: closed");
        Assert.True((source.ExtensionData?.TryGetValue("x-unknown-field-rule", out var rule) == true ? (string)rule! : RuleIds.SchemaUnknownField) == actual.UnknownFieldRule, $"{path}: unknown-field rule");
        Assert.True(source.Enumeration.OfType<string>().SequenceEqual(actual.Enumeration), $"{path}: enum");
        Assert.True(source.Properties.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Properties.Keys.Order(StringComparer.Ordinal)), $"{path}: properties");
        foreach (var (name, property) in source.Properties)
        {
            AssertSame(property, actual.Properties[name], $"{path}.{name}", seen);
        }

        Assert.True((source.AdditionalPropertiesSchema is null) == (actual.AdditionalProperties is null), $"{path}: additionalProperties");
        if (source.AdditionalPropertiesSchema is { } additional)
        {
            AssertSame(additional, actual.AdditionalProperties!, $"{path}.*", seen);
        }

        Assert.True((source.Item is null) == (actual.Items is null), $"{path}: items");
        if (source.Item is { } item)
        {
            AssertSame(item, actual.Items!, $"{path}[]", seen);
        }
    }
}

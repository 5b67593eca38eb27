using System.Collections.Frozen;
using NJsonSchema;

namespace EnMasse.Policy.Schema;

/// <summary>
/// The part of a JSON Schema the walker needs, compiled once from NJsonSchema's model into
/// frozen lookups: the walk runs on every admission request and must not chase $refs.
/// </summary>
public sealed class CompiledSchema
{
    private CompiledSchema()
    {
    }

    public JsonObjectType Types { get; private set; }

    public FrozenDictionary<string, CompiledSchema> Properties { get; private set; } = FrozenDictionary<string, CompiledSchema>.Empty;

    public IReadOnlyList<string> Required { get; private set; } = [];

    /// <summary>True when keys beyond <see cref="Properties"/> are not defined for the kind.</summary>
    public bool Closed { get; private set; }

    /// <summary>The rule that reports an undefined key here: schema.unknown-field unless the schema names another (x-unknown-field-rule).</summary>
    public string UnknownFieldRule { get; private set; } = Vocabulary.RuleIds.SchemaUnknownField;

    public CompiledSchema? AdditionalProperties { get; private set; }

    public CompiledSchema? Items { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Allowed string values, when the schema lists them; empty otherwise.</summary>
    public IReadOnlyList<string> Enumeration { get; private set; } = [];

    public static CompiledSchema Compile(JsonSchema schema) => Compile(schema, new Dictionary<JsonSchema, CompiledSchema>());

    private static CompiledSchema Compile(JsonSchema source, Dictionary<JsonSchema, CompiledSchema> done)
    {
        var schema = source.ActualSchema;
        if (done.TryGetValue(schema, out var existing))
        {
            return existing;
        }

        var compiled = new CompiledSchema();
        done[schema] = compiled;
        compiled.Types = schema.Type;
        compiled.Description = schema.Description;
        compiled.Properties = schema.Properties.ToFrozenDictionary(p => p.Key, p => Compile(p.Value, done), StringComparer.Ordinal);
        compiled.Required = [.. schema.RequiredProperties];
        compiled.Closed = !schema.AllowAdditionalProperties && schema.AdditionalPropertiesSchema is null;
        if (schema.ExtensionData?.TryGetValue("x-unknown-field-rule", out var rule) == true && rule is string id)
        {
            compiled.UnknownFieldRule = id;
        }

        compiled.AdditionalProperties = schema.AdditionalPropertiesSchema is { } additional ? Compile(additional, done) : null;
        compiled.Enumeration = [.. schema.Enumeration.OfType<string>()];
        compiled.Items = schema.Item is { } item ? Compile(item, done) : null;
        return compiled;
    }
}

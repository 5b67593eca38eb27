using System.Collections.Frozen;
using System.Text.Json;
using NJsonSchema;

namespace EnMasse.Policy.Schema;

/// <summary>
/// The part of a JSON Schema the walker needs, compiled once into frozen lookups: the walk
/// runs on every admission request and must not chase $refs.
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

    /// <summary>
    /// Compiles a JSON Schema document with System.Text.Json: the keywords the walker reads
    /// (type, properties, required, additionalProperties, items, enum, description,
    /// x-unknown-field-rule, and $ref into the document's definitions). Parsing the schemas through NJsonSchema cost a CLI
    /// run most of its start-up; NJsonSchema now only prints them (`policy schema`).
    /// </summary>
    public static CompiledSchema FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Compile(document.RootElement, document.RootElement, new Dictionary<string, CompiledSchema>(StringComparer.Ordinal));
    }

    private static CompiledSchema Compile(JsonElement schema, JsonElement root, Dictionary<string, CompiledSchema> references)
    {
        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer)
        {
            if (references.TryGetValue(pointer, out var known))
            {
                return known;
            }

            var target = Resolve(root, pointer);
            var placeholder = new CompiledSchema();
            references[pointer] = placeholder;
            placeholder.Fill(target, root, references);
            return placeholder;
        }

        var compiled = new CompiledSchema();
        compiled.Fill(schema, root, references);
        return compiled;
    }

    private void Fill(JsonElement schema, JsonElement root, Dictionary<string, CompiledSchema> references)
    {
        Types = schema.TryGetProperty("type", out var type) ? TypesOf(type) : JsonObjectType.None;
        Description = schema.TryGetProperty("description", out var description) ? description.GetString() : null;
        Properties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().ToFrozenDictionary(p => p.Name, p => Compile(p.Value, root, references), StringComparer.Ordinal)
            : FrozenDictionary<string, CompiledSchema>.Empty;
        Required = schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? [.. required.EnumerateArray().Select(r => r.GetString()).OfType<string>()]
            : [];
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        AdditionalProperties = additional.ValueKind == JsonValueKind.Object ? Compile(additional, root, references) : null;
        Closed = additional.ValueKind == JsonValueKind.False;
        if (schema.TryGetProperty("x-unknown-field-rule", out var rule) && rule.ValueKind == JsonValueKind.String)
        {
            UnknownFieldRule = rule.GetString()!;
        }

        Enumeration = schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
        Items = schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object ? Compile(items, root, references) : null;
    }

    private static JsonObjectType TypesOf(JsonElement type)
    {
        IEnumerable<string?> names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()) : [type.GetString()];
        var types = JsonObjectType.None;
        foreach (var name in names)
        {
            types |= name switch
            {
                "array" => JsonObjectType.Array,
                "boolean" => JsonObjectType.Boolean,
                "integer" => JsonObjectType.Integer,
                "null" => JsonObjectType.Null,
                "number" => JsonObjectType.Number,
                "object" => JsonObjectType.Object,
                "string" => JsonObjectType.String,
                _ => throw new InvalidOperationException($"schema type \"{name}\" is not known"),
            };
        }

        return types;
    }

    /// <summary>A local JSON pointer (#/definitions/ObjectMeta) into the schema document.</summary>
    private static JsonElement Resolve(JsonElement root, string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"schema reference {pointer} is not local to the schema");
        }

        var at = root;
        foreach (var segment in pointer[2..].Split('/'))
        {
            at = at.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return at;
    }
}

using System.Text.Json.Nodes;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Schema;

/// <summary>
/// The fields that exist only in some EnMasse releases (Kinds/versions.json), laid over a kind's
/// base schema: outside its range a field is removed, inside it a field the base lacks is added.
/// One base schema per kind and this short list, instead of a copy of every schema per release.
/// </summary>
internal static class VersionedFields
{
    private sealed record Field(string Kind, string Path, EnMasseVersion Since, EnMasseVersion Until, JsonNode? Schema);

    private static readonly Lazy<IReadOnlyList<Field>> All = new(Load);

    /// <summary>Rewrites <paramref name="schema"/> (a kind's base schema) into the field set of <paramref name="version"/>.</summary>
    public static void Apply(JsonObject schema, string kind, EnMasseVersion version)
    {
        foreach (var field in All.Value.Where(f => f.Kind == kind))
        {
            var inRange = version >= field.Since && version <= field.Until;
            var (properties, owner, name) = Locate(schema, field.Path);
            if (properties is null)
            {
                // The field's parent is itself outside this release (connectors[].role before 0.30).
                if (inRange)
                {
                    throw new InvalidOperationException($"versions.json: {kind} {field.Path} has no parent in the schema of {version}");
                }

                continue;
            }

            if (!inRange)
            {
                properties.Remove(name);
                if (owner!["required"] is JsonArray required && required.FirstOrDefault(r => r?.GetValue<string>() == name) is { } entry)
                {
                    required.Remove(entry);
                }
            }
            else if (!properties.ContainsKey(name))
            {
                properties[name] = field.Schema?.DeepClone()
                    ?? throw new InvalidOperationException($"versions.json: {kind} {field.Path} is not in the base schema and gives no schema to add");
            }
        }
    }

    /// <summary>The properties object that holds the path's last field, the schema that owns it, and the field's name.</summary>
    private static (JsonObject? Properties, JsonObject? Owner, string Name) Locate(JsonObject root, string path)
    {
        var segments = path.Split('.');
        JsonObject? current = root;
        for (var i = 0; i < segments.Length - 1 && current is not null; i++)
        {
            var segment = segments[i];
            var isList = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = isList ? segment[..^2] : segment;
            current = Resolve(root, Resolve(root, current)?["properties"]?[name] as JsonObject);
            if (isList)
            {
                current = Resolve(root, current?["items"] as JsonObject);
            }
        }

        var owner = Resolve(root, current);
        var last = segments[^1];
        return (owner?["properties"] as JsonObject, owner, last);
    }

    /// <summary>Follows a local "$ref": "#/definitions/X".</summary>
    private static JsonObject? Resolve(JsonObject root, JsonObject? node)
    {
        if (node?["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith("#/", StringComparison.Ordinal))
        {
            JsonNode? resolved = root;
            foreach (var part in target[2..].Split('/'))
            {
                resolved = resolved?[part];
            }

            return resolved as JsonObject;
        }

        return node;
    }

    private static IReadOnlyList<Field> Load()
    {
        var text = KindSchemas.ReadResource("EnMasse.Policy.Schema.versions.json");
        var fields = JsonNode.Parse(text)?["fields"] as JsonArray ?? throw new InvalidOperationException("versions.json has no fields");
        return [.. fields.OfType<JsonObject>().Select(f => new Field(
            f["kind"]!.GetValue<string>(),
            f["field"]!.GetValue<string>(),
            Version(f["since"], EnMasseVersion.OldestMinor),
            Version(f["until"], EnMasseVersion.NewestMinor),
            f["schema"]))];
    }

    private static EnMasseVersion Version(JsonNode? node, int fallback) =>
        node is null ? new EnMasseVersion(fallback)
        : EnMasseVersion.TryParse(node.GetValue<string>(), out var version) ? version
        : throw new InvalidOperationException($"versions.json: \"{node}\" is not a release 0.26-0.33");
}

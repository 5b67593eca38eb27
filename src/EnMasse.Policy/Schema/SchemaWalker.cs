using EnMasse.Policy.Documents;
using EnMasse.Policy.Naming;
using EnMasse.Policy.Vocabulary;
using NJsonSchema;

namespace EnMasse.Policy.Schema;

/// <summary>
/// Checks a node tree against a compiled schema and reports <c>schema.unknown-field</c>,
/// <c>schema.type</c> and <c>schema.required</c> at the offending key or value. Values are
/// never quoted in messages: the value may be a secret.
/// </summary>
public static class SchemaWalker
{
    /// <param name="release">The EnMasse release a cluster object is judged for; null for our own files (policy, tests), which no API server sees.</param>
    public static void Walk(Node node, CompiledSchema schema, string kind, List<RawFinding> findings, EnMasseVersion? release)
    {
        if (!TypeMatches(node, schema.Types))
        {
            findings.Add(new RawFinding(RuleIds.SchemaType, node.Path, node.Start, TypeMessage(node, schema.Types)));
            return;
        }

        if (schema.Enumeration.Count > 0 && node is ScalarNode { Type: ScalarType.String } text && !schema.Enumeration.Contains(text.Value))
        {
            findings.Add(new RawFinding(RuleIds.SchemaType, node.Path, node.Start, $"\"{node.Path}\" must be one of: {string.Join(", ", schema.Enumeration)}{Naming.Names.DidYouMean(text.Value, schema.Enumeration)}"));
            return;
        }

        switch (node)
        {
            case MappingNode mapping:
                WalkMapping(mapping, schema, kind, findings, release);
                break;
            case SequenceNode sequence when schema.Items is { } items:
                foreach (var item in sequence.Items)
                {
                    Walk(item, items, kind, findings, release);
                }

                break;
        }
    }

    private static void WalkMapping(MappingNode mapping, CompiledSchema schema, string kind, List<RawFinding> findings, EnMasseVersion? release)
    {
        // A misspelt required field is one mistake: reported once, as the unknown field with its did-you-mean.
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (schema.Properties.TryGetValue(entry.Key, out var property))
            {
                // A null value means "absent" to the API server; required checks below see it as missing.
                if (entry.Value is ScalarNode { IsNull: true })
                {
                    continue;
                }

                Walk(entry.Value, property, kind, findings, release);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Walk(entry.Value, additional, kind, findings, release);
            }
            else if (schema.Closed && schema.Properties.Count > 0)
            {
                var path = NodePath.Child(mapping.Path, entry.Key);
                var nearest = NearestName.Find(entry.Key, schema.Properties.Keys);
                if (nearest is not null)
                {
                    suggested.Add(nearest);
                }

                findings.Add(new RawFinding(schema.UnknownFieldRule, path, entry.KeyStart, UnknownFieldMessage(path, nearest, schema, kind, release)));
            }
        }

        foreach (var required in schema.Required)
        {
            if (mapping.Get(required) is null && suggested.Contains(required))
            {
                continue;
            }

            if (mapping.Get(required) is null or ScalarNode { IsNull: true })
            {
                var path = NodePath.Child(mapping.Path, required);
                findings.Add(new RawFinding(
                    RuleIds.SchemaRequired,
                    path,
                    mapping.KeyStart,
                    $"{kind} needs \"{path}\", which is missing"));
            }
        }
    }

    /// <summary>
    /// Says what really happens to the field: the API server drops unknown metadata; a spec field
    /// is stored (EnMasse's v1beta1 CRDs do not prune, its 0.26-0.30 API server kept it in the
    /// model's additional properties) and EnMasse ignores it, so a typo silently loses the setting.
    /// </summary>
    private static string UnknownFieldMessage(string path, string? nearest, CompiledSchema schema, string kind, EnMasseVersion? release)
    {
        var didYouMean = nearest is null ? null : $"; did you mean \"{nearest}\"?";
        if (schema.UnknownFieldRule == RuleIds.MetadataUnknownField)
        {
            return $"field \"{path}\" is not a Kubernetes metadata field; the API server drops it{didYouMean}";
        }

        var hint = didYouMean ?? $"; fields here: {string.Join(", ", schema.Properties.Keys.Order(StringComparer.Ordinal))}";
        return release is { } version
            ? $"field \"{path}\" is not defined for {kind} in {version.Label}: EnMasse stores it and ignores it{hint}"
            : $"field \"{path}\" is not defined for {kind}{hint}";
    }

    private static bool TypeMatches(Node node, JsonObjectType types)
    {
        if (types == JsonObjectType.None)
        {
            return true;
        }

        return node switch
        {
            MappingNode => types.HasFlag(JsonObjectType.Object),
            SequenceNode => types.HasFlag(JsonObjectType.Array),
            ScalarNode scalar => scalar.Type switch
            {
                ScalarType.String => types.HasFlag(JsonObjectType.String),
                ScalarType.Int => types.HasFlag(JsonObjectType.Integer) || types.HasFlag(JsonObjectType.Number),
                ScalarType.Float => types.HasFlag(JsonObjectType.Number),
                ScalarType.Bool => types.HasFlag(JsonObjectType.Boolean),
                _ => true,
            },
            _ => true,
        };
    }

    private static string TypeMessage(Node node, JsonObjectType expected)
    {
        var wanted = Describe(expected);
        var found = node.TypeName;
        var hint = node is ScalarNode { Type: ScalarType.Bool } && expected.HasFlag(JsonObjectType.String)
            ? " (YAML reads yes/no/on/off/true/false as a boolean: quote the value)"
            : node is ScalarNode { Type: ScalarType.Int or ScalarType.Float } && expected.HasFlag(JsonObjectType.String)
                ? " (quote the value to make it a string)"
                : string.Empty;
        return $"\"{node.Path}\" must be {wanted}, but is {Article(found)} {found}{hint}";
    }

    private static string Describe(JsonObjectType types)
    {
        var names = new List<string>();
        if (types.HasFlag(JsonObjectType.String)) names.Add("a string");
        if (types.HasFlag(JsonObjectType.Integer)) names.Add("an integer");
        if (types.HasFlag(JsonObjectType.Number)) names.Add("a number");
        if (types.HasFlag(JsonObjectType.Boolean)) names.Add("a boolean");
        if (types.HasFlag(JsonObjectType.Object)) names.Add("a mapping");
        if (types.HasFlag(JsonObjectType.Array)) names.Add("a list");
        return string.Join(" or ", names);
    }

    private static string Article(string typeName) => typeName switch
    {
        "object" => "a",
        "array" => "an",
        "integer" => "an",
        _ => "a",
    };
}

using System.Text.Json.Nodes;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;

namespace EnMasse.Cli.Output;

/// <summary>
/// Published objects as the files of a policy directory's plans/: one file per kind, the objects
/// by name, without what the API server adds (status, uid, resourceVersion, managedFields, the
/// last-applied annotation) and without a namespace, which the policy's infraNamespace gives.
/// </summary>
internal static class PlanFiles
{
    private static readonly string[] ServerMetadata = ["namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink", "ownerReferences", "finalizers"];

    /// <summary>plans/FILE to its text, for each kind that has objects.</summary>
    public static IReadOnlyDictionary<string, string> Render(IEnumerable<(Resource Resource, string Origin)> objects)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in objects.GroupBy(o => o.Resource.Kind).OrderBy(g => g.Key))
        {
            var ordered = kind.OrderBy(o => o.Resource.Name, StringComparer.Ordinal).ToList();
            var origins = string.Join(", ", ordered.GroupBy(o => o.Origin, StringComparer.Ordinal).Select(g => $"{g.Count()} from {g.Key}"));
            var header = $"# {ordered.Count} {kind.Key}{(ordered.Count == 1 ? string.Empty : "s")} pulled by enmasse-policy policy pull: {origins}\n";
            files[$"plans/{kind.Key.ToString().ToLowerInvariant()}s.yaml"] = YamlDocuments.Render(ordered.Select(o => Clean(o.Resource)), header);
        }

        return files;
    }

    private static JsonNode Clean(Resource resource)
    {
        var json = JsonNode.Parse(NodeJsonWriter.ToJson(resource.Root))!.AsObject();
        json.Remove("status");
        if (json["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata)
            {
                metadata.Remove(field);
            }

            if (metadata["annotations"] is JsonObject annotations)
            {
                annotations.Remove("kubectl.kubernetes.io/last-applied-configuration");
                if (annotations.Count == 0)
                {
                    metadata.Remove("annotations");
                }
            }
        }

        return json;
    }
}

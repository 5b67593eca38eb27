using System.Text.Json.Nodes;

namespace EnMasse.Testing;

/// <summary>Applies RFC 6902 "add" operations, as the API server applies a mutating webhook's patch.</summary>
public static class JsonPatchApplier
{
    public static string Apply(string json, string patch, bool allowReplace = false)
    {
        var document = JsonNode.Parse(json)!;
        foreach (var operation in JsonNode.Parse(patch)!.AsArray())
        {
            Assert.Equal("add", operation!["op"]!.GetValue<string>());
            var segments = operation["path"]!.GetValue<string>().Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
            var parent = document;
            foreach (var segment in segments.SkipLast(1))
            {
                parent = parent is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
            }

            var value = operation["value"]!.DeepClone();
            if (parent is JsonArray list)
            {
                list.Insert(segments[^1] == "-" ? list.Count : int.Parse(segments[^1], System.Globalization.CultureInfo.InvariantCulture), value);
            }
            else
            {
                Assert.True(allowReplace || !parent.AsObject().ContainsKey(segments[^1]), $"add over an existing key {segments[^1]}");
                parent[segments[^1]] = value;
            }
        }

        return document.ToJsonString();
    }
}

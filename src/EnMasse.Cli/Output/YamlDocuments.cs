using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnMasse.Cli.Editing;
using EnMasse.Policy.Documents;

namespace EnMasse.Cli.Output;

/// <summary>Objects as a YAML stream (documents separated by ---), written with the same quoting as the defaults mutate inserts, so every value reads back as what it was.</summary>
internal static class YamlDocuments
{
    public static string Render(IEnumerable<JsonNode> objects, string? header = null)
    {
        var text = new StringBuilder();
        if (header is not null)
        {
            text.Append(header);
        }

        var yaml = new YamlText("\n", 2, indentSequences: false);
        var first = true;
        foreach (var item in objects)
        {
            if (!first)
            {
                text.Append("---\n");
            }

            first = false;
            if (JsonElementConverter.ToNode(JsonSerializer.SerializeToElement(item)) is MappingNode root)
            {
                foreach (var entry in root.Entries)
                {
                    text.Append(yaml.BlockEntry(entry.Key, entry.Value, 0));
                }
            }
        }

        return text.ToString();
    }
}

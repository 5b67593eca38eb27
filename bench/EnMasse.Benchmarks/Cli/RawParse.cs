using YamlDotNet.RepresentationModel;

namespace EnMasse.Benchmarks.Cli;

/// <summary>
/// The CLI's baseline: a process that reads the same files and parses them with YamlDotNet
/// alone, into its node tree with positions, and nothing more.
/// </summary>
internal static class RawParse
{
    public static int Run(IReadOnlyList<string> paths)
    {
        var documents = 0;
        foreach (var path in paths)
        {
            IEnumerable<string> files = File.Exists(path) ? [path] : Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                documents += stream.Documents.Count;
            }
        }

        Console.Out.WriteLine($"{documents} documents");
        return 0;
    }
}

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>The rendered policy ConfigMap as the pod sees it.</summary>
internal static class PolicyVolume
{
    /// <summary>The files under a directory, as relative paths, following links as a reader does.</summary>
    public static List<string> Files(string dir) =>
        [.. Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("..", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The policy volume as kubelet writes it: the items' files in a hidden timestamped folder,
    /// ..data pointing at it, and each top-level name linked through ..data.
    /// </summary>
    public static string Mount(Rendered rendered)
    {
        var configMap = rendered.One("ConfigMap");
        var volume = rendered.One("Deployment")["spec"]!["template"]!["spec"]!["volumes"]!.AsArray().Single(v => Rendered.Str(v, "name") == "policy")!;
        Assert.Equal(Rendered.Name(configMap), Rendered.Str(volume, "configMap", "name"));
        var root = Path.Combine(Path.GetTempPath(), "enmasse-cm-" + Guid.NewGuid().ToString("N"));
        var stamped = Path.Combine(root, "..2026_11_25_07_00_00.123");
        var data = configMap["data"]!.AsObject();
        var items = volume["configMap"]!["items"]!.AsArray();
        Assert.Equal(data.Select(kv => kv.Key).Order(), items.Select(i => Rendered.Str(i, "key")!).Order());
        foreach (var item in items)
        {
            var path = Path.Combine(stamped, Rendered.Str(item, "path")!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, data[Rendered.Str(item, "key")!]!.GetValue<string>());
        }

        File.CreateSymbolicLink(Path.Combine(root, "..data"), Path.GetFileName(stamped));
        foreach (var top in Directory.EnumerateFileSystemEntries(stamped).Select(Path.GetFileName))
        {
            File.CreateSymbolicLink(Path.Combine(root, top!), "..data/" + top);
        }

        return root;
    }
}

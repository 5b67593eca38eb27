using System.Text;

namespace EnMasse.Benchmarks.Generate;

/// <summary>The inputs the benchmarks read, written to disk: tenant repositories and cluster dumps.</summary>
internal static class Repository
{
    /// <summary>Objects per tenant file: one AddressSpace and its Addresses.</summary>
    public const int PerFile = 10;

    /// <summary>
    /// A tenant repository of <paramref name="resources"/> objects in files of ten (one
    /// AddressSpace and nine Addresses), ten files per namespace folder. Returns the directory.
    /// </summary>
    public static string Tenant(string directory, int resources)
    {
        if (Directory.Exists(directory))
        {
            return directory;
        }

        var staging = directory + ".partial";
        Directory.CreateDirectory(staging);
        var files = Math.Max(1, resources / PerFile);
        for (var f = 0; f < files; f++)
        {
            var ns = Objects.Namespace(f / 10);
            var space = Objects.Space(f);
            var text = new StringBuilder(Objects.TenantSpace(ns, space));
            for (var a = 1; a < PerFile; a++)
            {
                text.Append(Objects.TenantAddress(ns, space, Objects.Queue(a)));
            }

            var folder = Path.Combine(staging, ns);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"{space}.yaml"), text.ToString());
        }

        Directory.Move(staging, directory);
        return directory;
    }

    /// <summary>
    /// What `kubectl get addressspaces,addresses -A -o yaml` (or `-o json`, for a .json file) prints for a cluster of
    /// <paramref name="spaces"/> address spaces (ten per namespace) holding
    /// <paramref name="addresses"/> addresses between them: one List document. Returns the file.
    /// </summary>
    public static string ClusterDump(string file, int addresses, int spaces)
    {
        var json = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (File.Exists(file))
        {
            return file;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using (var writer = new StreamWriter(file + ".partial", append: false, new UTF8Encoding(false)))
        {
            // kubectl's order: the items before the List's kind.
            writer.Write(json ? "{\"apiVersion\":\"v1\",\"items\":[\n" : "apiVersion: v1\nitems:\n");
            for (var s = 0; s < spaces; s++)
            {
                var (ns, space) = (Objects.Namespace(s / 10), Objects.Space(s));
                writer.Write(json ? (s == 0 ? string.Empty : ",\n") + Objects.SpaceJson(ns, space, s) : Objects.SpaceItem(ns, space, s));
            }

            for (var a = 0; a < addresses; a++)
            {
                var s = a % spaces;
                var (ns, space, address) = (Objects.Namespace(s / 10), Objects.Space(s), Objects.Queue(a));
                writer.Write(json ? ",\n" + Objects.AddressJson(ns, space, address, a) : Objects.AddressItem(ns, space, address, a));
            }

            writer.Write(json ? "\n],\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"\"}}\n" : "kind: List\nmetadata:\n  resourceVersion: \"\"\n");
        }

        File.Move(file + ".partial", file);
        return file;
    }
}

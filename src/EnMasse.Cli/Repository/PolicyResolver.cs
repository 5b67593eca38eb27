using EnMasse.Cli.Output;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;

namespace EnMasse.Cli.Repository;

/// <summary>
/// Finds the policy: --policies DIR (or builtin), else ./policies when it holds an
/// AdmissionPolicy, else the built-in default. A ./policies folder of another tool (Kyverno,
/// Gatekeeper, conftest) is passed over with a note instead of failing the run.
/// </summary>
internal static class PolicyResolver
{
    public static (PolicyLoadResult Result, Note? Note) Resolve(string? option, string workingDirectory)
    {
        if (option == PolicySource.BuiltIn)
        {
            return (PolicyLoader.BuiltIn(), null);
        }

        if (option is not null)
        {
            return (PolicyLoader.LoadDirectory(Path.GetFullPath(option, workingDirectory), shownAs: option), null);
        }

        var local = Path.Combine(workingDirectory, "policies");
        if (!Directory.Exists(local))
        {
            return (PolicyLoader.BuiltIn(), null);
        }

        return HoldsAdmissionPolicy(local)
            ? (PolicyLoader.LoadDirectory(local, shownAs: "policies"), null)
            : (PolicyLoader.BuiltIn(), Note.Info("holds no AdmissionPolicy (policy.yaml), so the built-in policy is used; name a policy directory with --policies DIR", "policies"));
    }

    /// <summary>True when DIR/policy.yaml (or .yml) has a document of kind AdmissionPolicy; a broken one counts, so its errors are shown.</summary>
    public static bool HoldsAdmissionPolicy(string directory)
    {
        foreach (var name in new[] { PolicyLoader.PolicyFileName, "policy.yml" })
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                continue;
            }

            var read = InputReader.ReadFile(name, path);
            if (read.FileFindings.Count > 0
                || read.Documents.Any(d => d.Root is MappingNode root && NodeRead.String(root, "kind")?.Value == "AdmissionPolicy"))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Diagnostics;
using EnMasse.Certificates;

namespace EnMasse.Soak;

/// <summary>
/// The webhook's directories for one run (a copy of the shipped policy, a catalogue, the
/// certificates) and the faults done to them: edits, a broken file, special files, the
/// directory deleted and created again, a new certificate pair.
/// </summary>
internal sealed class Workspace : IDisposable
{
    /// <summary>The address spaces that exist: team1 carries the load, team9 the probe that sees a verdict-changing edit.</summary>
    private const string World = """
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: myspace, namespace: team1 }
        spec: { type: standard, plan: standard-small }
        ---
        apiVersion: enmasse.io/v1beta1
        kind: AddressSpace
        metadata: { name: myspace, namespace: team9 }
        spec: { type: standard, plan: standard-small }
        """;

    private readonly string _original;

    public Workspace(string repository)
    {
        Root = Path.Combine(Path.GetTempPath(), "enmasse-soak-" + Guid.NewGuid().ToString("N"));
        Copy(Path.Combine(repository, "policies"), Policies);
        Directory.CreateDirectory(Catalog);
        File.WriteAllText(Path.Combine(Catalog, "world.yaml"), World);
        _original = File.ReadAllText(PolicyFile);
    }

    public string Root { get; }

    public string Policies => Path.Combine(Root, "policies");

    public string Catalog => Path.Combine(Root, "catalog");

    public string Certs => Path.Combine(Root, "certs");

    private string PolicyFile => Path.Combine(Policies, "policy.yaml");

    private string Plans => Path.Combine(Policies, "plans");

    /// <summary>An exemption for team9: its probe turns from denied to allowed once the edit is loaded.</summary>
    public void ExemptTeam9() => File.WriteAllText(PolicyFile, Exempted());

    public void BreakPolicy() => File.WriteAllText(PolicyFile, _original.Replace("spec:", "spec: {platform: kubernetes", StringComparison.Ordinal));

    public void Restore() => File.WriteAllText(PolicyFile, _original);

    public void AddSpecialFiles()
    {
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(Plans, "fifo.yaml")]))
        {
            mkfifo.WaitForExit();
        }

        File.CreateSymbolicLink(Path.Combine(Plans, "zero.yaml"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(Plans, "gone.yaml"), Path.Combine(Root, "missing.yaml"));
    }

    public void RemoveSpecialFiles()
    {
        foreach (var name in new[] { "fifo.yaml", "zero.yaml", "gone.yaml" })
        {
            File.Delete(Path.Combine(Plans, name));
        }
    }

    /// <summary>Deletes the policy directory; <see cref="Recreate"/> brings it back, with the team9 exemption, as git-sync or a redeploy would.</summary>
    public void DeletePolicies()
    {
        var saved = Path.Combine(Root, "policies.saved");
        Copy(Policies, saved);
        Directory.Delete(Policies, recursive: true);
    }

    public void Recreate()
    {
        var saved = Path.Combine(Root, "policies.saved");
        File.WriteAllText(Path.Combine(saved, "policy.yaml"), Exempted());
        Directory.Move(saved, Policies);
    }

    /// <summary>A new serving pair from the same CA, written key first as a careless rotation would.</summary>
    public void ReplaceCertificate()
    {
        var (certificate, key) = CertificateAuthority.IssueServer(
            File.ReadAllText(Path.Combine(Certs, CertificateFiles.CaCertificate)),
            File.ReadAllText(Path.Combine(Certs, CertificateFiles.CaKey)),
            "enmasse-admission",
            "enmasse-infra",
            TimeSpan.FromDays(30));
        CertificateFiles.WritePrivate(Path.Combine(Certs, CertificateFiles.ServerKey), key);
        File.WriteAllText(Path.Combine(Certs, CertificateFiles.ServerCertificate), certificate);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Exempted() => _original.Replace("namespaces: [enmasse-infra]", "namespaces: [enmasse-infra, team9]", StringComparison.Ordinal);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

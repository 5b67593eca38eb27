using EnMasse.Policy.Loading;
using EnMasse.Policy.Policies;

namespace EnMasse.Webhook.Tests.Chart;

/// <summary>
/// A platform's own policy directory on disk, laid out to exercise the loading rules: .yml and
/// .json plans, subfolders, a name with a space, and files enmasse-policy does not read (a README,
/// a hidden folder, test suites, an unrelated top-level file).
/// </summary>
internal static class PlatformPolicy
{
    private static readonly Lazy<string> Made = new(Make);

    public static string Dir => Made.Value;

    /// <summary>The files the loader reads from it, listed by hand.</summary>
    public static readonly string[] ReadFiles =
    [
        "plans/address-plans.yaml", "plans/address-space-plans.yaml", "plans/authentication-services.yaml", "plans/extra.yml",
        "plans/infra-configs.yaml", "plans/json/topics.JSON", "plans/team-a/deep/more.yaml", "plans/with space.yaml", "policy.yaml",
    ];

    /// <summary>The address plans only the extra files publish.</summary>
    public static readonly string[] ExtraPlans = ["platform-extra-queue", "team-a-queue", "json-topic", "spaced-queue"];

    /// <summary>The policy's files as the webhook would see them, through PolicyLoader as `enmasse-policy policy check` loads them.</summary>
    public static PolicyBundle Load(string dir)
    {
        var loaded = PolicyLoader.LoadDirectory(dir);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Findings.Select(f => $"{f.File}:{f.Line}: {f.Message}")));
        return loaded.Bundle!;
    }

    private static string Make()
    {
        var dir = Path.Combine(Path.GetTempPath(), "enmasse-platform-policy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "plans"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        File.Copy(Path.Combine(Repo.Root, "policies", "policy.yaml"), Path.Combine(dir, "policy.yaml"));
        foreach (var plan in Directory.GetFiles(Path.Combine(Repo.Root, "policies", "plans"), "*.yaml"))
        {
            File.Copy(plan, Path.Combine(dir, "plans", Path.GetFileName(plan)));
        }

        Write(dir, "plans/extra.yml", Plan("platform-extra-queue", "queue"));
        Write(dir, "plans/team-a/deep/more.yaml", "# a team's plans, one folder down\n" + Plan("team-a-queue", "queue"));
        Write(dir, "plans/json/topics.JSON", """{"apiVersion": "admin.enmasse.io/v1beta2", "kind": "AddressPlan", "metadata": {"name": "json-topic"}, "spec": {"addressType": "topic", "resources": {"broker": 0.1}}}""");
        Write(dir, "plans/with space.yaml", Plan("spaced-queue", "queue"));
        Write(dir, "plans/README.md", "Plans of the platform.\n");
        Write(dir, "plans/.drafts/draft.yaml", Plan("draft-queue", "queue"));
        Write(dir, "tests/suite.yaml", "apiVersion: policy.enmasse.io/v1alpha1\nkind: PolicyTest\n");
        Write(dir, "notes.yaml", "not: a policy file\n");
        return dir;
    }

    private static string Plan(string name, string type) => $"""
        apiVersion: admin.enmasse.io/v1beta2
        kind: AddressPlan
        metadata:
          name: {name}
        spec:
          displayName: {name}
          addressType: {type}
          resources:
            broker: 0.1

        """;

    private static void Write(string dir, string relative, string content)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}

using System.Text.Json.Nodes;

namespace EnMasse.Cli.Tests;

/// <summary>
/// A cluster for the audit and pull commands: <see cref="FakeApiServer"/>, which serves the
/// Kubernetes API's real wire format on loopback (it is not an API server: no RBAC, validation or
/// admission), a kubeconfig pointing at it, and helpers that seed EnMasse objects as the API
/// server stores them. Commands run in process through <see cref="CliRun"/>.
/// </summary>
internal sealed class AuditCluster : IAsyncDisposable
{
    private AuditCluster(FakeApiServer api, CliRun run, string kubeconfig)
    {
        Api = api;
        Run = run;
        Kubeconfig = kubeconfig;
    }

    public FakeApiServer Api { get; }

    public CliRun Run { get; }

    public string Kubeconfig { get; }

    public static async Task<AuditCluster> StartAsync()
    {
        var api = await FakeApiServer.StartAsync();
        var run = new CliRun();
        var kubeconfig = run.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: fake
                cluster:
                  server: {api.Address.ToString().TrimEnd('/')}
            users:
              - name: auditor
                user:
                  token: not-a-real-token
            contexts:
              - name: fake
                context: {"{"} cluster: fake, user: auditor {"}"}
            current-context: fake
            """);
        return new AuditCluster(api, run, kubeconfig);
    }

    /// <summary>enmasse-policy audit against this cluster (the kubeconfig is given; other options follow).</summary>
    public (int Exit, string Out, string Error) Audit(params string[] args) => Run.Run(["audit", "--kubeconfig", Kubeconfig, .. args]);

    public void Space(string ns, string name, string plan = "standard-small", string type = "standard") =>
        Api.Put("addressspaces", Object("enmasse.io/v1beta1", "AddressSpace", ns, name, new JsonObject { ["type"] = type, ["plan"] = plan }).ToJsonString());

    public void Address(string ns, string space, string local, string plan = "standard-small-queue", string type = "queue", string? topic = null)
    {
        var spec = new JsonObject { ["address"] = local, ["type"] = type, ["plan"] = plan };
        if (topic is not null)
        {
            spec["topic"] = topic;
        }

        Api.Put("addresses", Object("enmasse.io/v1beta1", "Address", ns, $"{space}.{local}", spec).ToJsonString());
    }

    public void User(string ns, string space, string username, params string[] operations) => UserFor(ns, space, username, "*", operations);

    /// <summary>A MessagingUser whose one authorization names <paramref name="address"/>.</summary>
    public void UserFor(string ns, string space, string username, string address, params string[] operations) =>
        Api.Put("messagingusers", Object("user.enmasse.io/v1beta1", "MessagingUser", ns, $"{space}.{username}", new JsonObject
        {
            ["username"] = username,
            ["authentication"] = new JsonObject { ["type"] = "password", ["password"] = "c2VjcmV0LXBhc3N3b3Jk" },
            ["authorization"] = new JsonArray(new JsonObject { ["addresses"] = new JsonArray(address), ["operations"] = new JsonArray([.. operations.Select(o => (JsonNode)o)]) }),
        }).ToJsonString());

    /// <summary>The webhook's policy ConfigMap as the chart renders it: labelled, each file keyed by its path with '/' as '.'.</summary>
    public void PolicyConfigMap(string directory, string ns = "enmasse-admission", string name = "enmasse-admission-policy", IReadOnlyDictionary<string, string>? extra = null)
    {
        var data = new JsonObject();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (relative == "policy.yaml" || relative.StartsWith("plans/", StringComparison.Ordinal))
            {
                data[relative.Replace('/', '.')] = File.ReadAllText(file);
            }
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        Api.Put("configmaps", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "enmasse-admission", ["app.kubernetes.io/component"] = "policy", ["app.kubernetes.io/instance"] = "enmasse-admission" },
            },
            ["data"] = data,
        }.ToJsonString());
    }

    /// <summary>A copy of the shipped policy directory in the run's folder, with <paramref name="edit"/> applied to policy.yaml.</summary>
    public string PolicyCopy(string name, Func<string, string>? edit = null)
    {
        var target = Path.Combine(Run.Directory, name);
        foreach (var file in Directory.EnumerateFiles(Repo.Policies, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Repo.Policies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        if (edit is not null)
        {
            var policy = Path.Combine(target, "policy.yaml");
            var before = File.ReadAllText(policy);
            var after = edit(before);
            Assert.NotEqual(before, after);
            File.WriteAllText(policy, after);
        }

        return target;
    }

    /// <summary>An AddressPlan the cluster publishes in the infra namespace.</summary>
    public void AddressPlan(string name, string addressType) =>
        Api.Put("addressplans", Object("admin.enmasse.io/v1beta2", "AddressPlan", "enmasse-infra", name, new JsonObject
        {
            ["addressType"] = addressType,
            ["resources"] = new JsonObject { ["broker"] = 0.1, ["router"] = 0.01 },
        }).ToJsonString());

    /// <summary>An AddressSpacePlan the cluster publishes in the infra namespace.</summary>
    public void SpacePlan(string name, string spaceType, params string[] addressPlans) =>
        Api.Put("addressspaceplans", Object("admin.enmasse.io/v1beta2", "AddressSpacePlan", "enmasse-infra", name, new JsonObject
        {
            ["addressSpaceType"] = spaceType,
            ["infraConfigRef"] = "default",
            ["resourceLimits"] = new JsonObject { ["router"] = 1.0, ["broker"] = 1.0, ["aggregate"] = 2.0 },
            ["addressPlans"] = new JsonArray([.. addressPlans.Select(p => (JsonNode)p)]),
        }).ToJsonString());

    /// <summary>An object as the API server returns it: with uid, creationTimestamp and (from Put) a resourceVersion.</summary>
    public static JsonObject Object(string apiVersion, string kind, string ns, string name, JsonObject spec) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["uid"] = Guid.NewGuid().ToString(),
            ["creationTimestamp"] = "2020-03-01T10:00:00Z",
        },
        ["spec"] = spec,
    };

    public async ValueTask DisposeAsync()
    {
        Run.Dispose();
        await Api.DisposeAsync();
    }
}

using System.CommandLine;
using EnMasse.Cli.Cluster;
using EnMasse.Cli.Console;
using k8s;

namespace EnMasse.Cli.Commands;

/// <summary>The options of the commands that read a cluster (audit, policy pull), declared once with their help; made per run.</summary>
internal sealed class ClusterOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig file. Default: the files of KUBECONFIG, else ~/.kube/config, else the pod's service account.",
        HelpName = "FILE",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use. Default: its current context.",
        HelpName = "NAME",
    };

    public Option<string?> InfraNamespace { get; } = CommonOptions.NamespaceName(new("--infra-namespace")
    {
        Description = "Where EnMasse publishes its plans, infra configs and authentication services. Default: the policy's spec.infraNamespace.",
        HelpName = "NS",
    });

    public Option<string?> WebhookNamespace { get; } = CommonOptions.NamespaceName(new("--webhook-namespace")
    {
        Description = $"Where the webhook's chart is installed; its policy ConfigMap is found there by the label {WebhookPolicy.Selector}. Default: {WebhookPolicy.DefaultNamespace}.",
        HelpName = "NS",
    });

    public Option<string?> PolicyConfigMap { get; } = new("--policy-configmap")
    {
        Description = "The ConfigMap that holds the webhook's policy, as NAMESPACE/NAME or NAME (in --webhook-namespace), e.g. your policy.existingConfigMap. Default: found by label.",
        HelpName = "[NS/]NAME",
    };

    public Option<int> ChunkSize { get; } = new("--chunk-size")
    {
        Description = "Objects per page of a list (limit and continue, as kubectl's --chunk-size); 0 lists in one response.",
        HelpName = "N",
        DefaultValueFactory = _ => 500,
    };

    public ClusterOptions()
    {
        ChunkSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--chunk-size must be 0 or more");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Add(Kubeconfig);
        command.Add(Context);
        command.Add(InfraNamespace);
        command.Add(WebhookNamespace);
        command.Add(PolicyConfigMap);
        command.Add(ChunkSize);
    }

    /// <summary>A connection made on first use, so a run that needs no cluster never looks for a kubeconfig; throws <see cref="ClusterException"/>.</summary>
    public Lazy<(IKubernetes Client, string Description)> Connection(ParseResult parsed, CliConsole console) =>
        new(() => ClusterConnection.Connect(parsed.GetValue(Kubeconfig), parsed.GetValue(Context), console.Environment, console.WorkingDirectory));

    /// <summary>The webhook's policy ConfigMap, as files of a policy directory.</summary>
    public WebhookPolicy.Pulled ReadWebhookPolicy(ParseResult parsed, IKubernetes client) =>
        WebhookPolicy.ReadAsync(client, parsed.GetValue(PolicyConfigMap), parsed.GetValue(WebhookNamespace) ?? WebhookPolicy.DefaultNamespace, CancellationToken.None).GetAwaiter().GetResult();
}

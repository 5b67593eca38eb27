using System.CommandLine;
using EnMasse.Cli.Cluster;
using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
using EnMasse.Policy.Audit;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary>
/// <c>enmasse-policy audit</c>: judges what already exists in a cluster (or a snapshot of it),
/// every object as an UPDATE of itself without ratcheting, and with --compare-to, the impact of a
/// policy change on those objects.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("audit", "Judge the AddressSpaces, Addresses and MessagingUsers that exist in a cluster (or a snapshot), or the impact of a policy change on them.");
        var cluster = new ClusterOptions();
        var policies = new Option<string?>("--policies")
        {
            Description = "The policy to judge by: a directory, 'builtin', or 'cluster' (the webhook's ConfigMap). Default: ./policies when it holds an AdmissionPolicy, else builtin.",
            HelpName = "DIR|builtin|cluster",
        };
        var compareTo = new Option<string?>("--compare-to")
        {
            Description = "Also judge by this policy (the current one) and print only what changes: objects that newly fail or newly pass under --policies.",
            HelpName = "DIR|builtin|cluster",
        };
        var plans = new Option<string>("--plans")
        {
            Description = "Which plans decide: 'cluster' (the cluster's or snapshot's published plans over the policy's, as the webhook's cluster catalogue) or 'policy' (the policy directory's alone, as after it is deployed).",
            HelpName = "cluster|policy",
            DefaultValueFactory = _ => "cluster",
        };
        plans.AcceptOnlyFromAmong("cluster", "policy");
        var catalog = new Option<string[]>("--catalog")
        {
            Description = "Audit a snapshot instead of the cluster (repeatable): files of objects, e.g. 'kubectl get addressspaces,addresses,messagingusers -A -o yaml' and the plans of the infra namespace.",
            HelpName = "PATH",
            Arity = ArgumentArity.OneOrMore,
        };
        var ns = CommonOptions.NamespaceName(new Option<string?>("--namespace", "-n") { Description = "Audit one namespace. Default: all namespaces.", HelpName = "NS" });
        var point = new Option<string>("--enforcement-point")
        {
            Description = "Whose severities apply: 'admission' (what the webhook would enforce on the object's next change) or 'ci' (what validate reports).",
            HelpName = "admission|ci",
            DefaultValueFactory = _ => "admission",
        };
        point.AcceptOnlyFromAmong("admission", "ci");
        var release = CommonOptions.ReleaseOption();
        var output = CommonOptions.Output(OutputFormat.AuditNames);
        var outputFile = CommonOptions.OutputFile();
        var strict = new Option<bool>("--strict") { Description = "Warnings fail the run too." };
        var noColor = new Option<bool>("--no-color") { Description = "No colour (colour is used only on a terminal, and never when NO_COLOR is set)." };
        foreach (var option in new Option[] { policies, compareTo, plans, catalog, ns, point, release })
        {
            command.Add(option);
        }

        cluster.AddTo(command);
        command.Add(output);
        command.Add(outputFile);
        command.Add(strict);
        command.Add(noColor);
        command.Validators.Add(result =>
        {
            if (result.GetValue(compareTo) is not null && result.GetValue(output) is { } format && !ImpactFormatter.Names.Contains(format))
            {
                result.AddError("--compare-to prints the impact as text or json (-o text|json)");
            }
        });
        Epilogues.Attach(command, """
            Reads the AddressSpaces, Addresses and MessagingUsers of every namespace (or -n NS) and the plans,
            infra configs and authentication services of the infra namespace through the API (kubeconfig, or
            the pod's service account), in pages, and judges every object as an UPDATE of itself with no
            ratcheting: what is wrong with it now, as the webhook would judge its next change. Works against
            EnMasse's aggregated API server (0.27-0.30) and its CRDs (0.31+). Findings name the object
            (namespace/Kind/name) and the path. A resource that cannot be read (forbidden, not served) is
            named on standard error and the rest is audited.

            Examples:
              enmasse-policy audit --policies policies/ --enmasse-version 0.27   # the repository's policy, a 0.27 cluster
              enmasse-policy audit --policies cluster -o policyreport | kubectl apply -f -
              enmasse-policy audit --policies new/ --compare-to cluster      # impact of a policy change
              enmasse-policy audit --catalog snapshot.yaml --policies new/ --compare-to policies/

            Exit codes:
              0  no error findings (warnings allowed unless --strict); with --compare-to: no object newly fails
              1  at least one error finding; with --compare-to: an object newly fails
              2  the run could not be made: bad options, no cluster, an invalid policy, EnMasse's API not served
              3  incomplete: a resource could not be read (its line is on standard error); the rest was audited.
                 3 wins over 1: a verdict on part of the objects is not the verdict
            """);
        command.SetAction(parsed =>
        {
            var run = new AuditRun(console, new AuditSources(parsed, console, cluster), CommonOptions.Release(parsed, release));
            try
            {
                return run.Execute(
                    parsed.GetValue(policies),
                    parsed.GetValue(compareTo),
                    parsed.GetValue(plans) == "policy" ? PlanSource.Policy : PlanSource.Cluster,
                    parsed.GetValue(catalog) ?? [],
                    parsed.GetValue(ns),
                    parsed.GetValue(cluster.InfraNamespace),
                    parsed.GetValue(point) == "ci" ? EnforcementPoint.Ci : EnforcementPoint.Admission,
                    new AuditRun.Rendering(parsed.GetValue(output)!, parsed.GetValue(outputFile), parsed.GetValue(strict), parsed.GetValue(noColor)));
            }
            catch (ClusterException e)
            {
                return CheckInputs.Usage(console, "audit", e.Message);
            }
        });
        return command;
    }
}

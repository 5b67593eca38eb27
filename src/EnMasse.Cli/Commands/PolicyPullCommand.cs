using System.CommandLine;
using EnMasse.Cli.Cluster;
using EnMasse.Cli.Console;
using EnMasse.Cli.Output;
using EnMasse.Cli.Repository;
using EnMasse.Policy.Loading;
using EnMasse.Policy.Model;
using EnMasse.Policy.Policies;

namespace EnMasse.Cli.Commands;

/// <summary>
/// <c>enmasse-policy policy pull DIR</c>: the policy the cluster enforces, as a directory that
/// validate --policies, policy check and the GitHub Action take: the webhook's policy.yaml, and
/// its plans with the cluster's published objects over them (one of the same kind and name
/// wins, as in the webhook's cluster catalogue).
/// </summary>
internal static class PolicyPullCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("pull", "Write the cluster's live policy (the webhook's ConfigMap) and published plans into a policy directory.");
        var dir = new Argument<string>("DIR") { Description = "The directory to write: policy.yaml and plans/." };
        var cluster = new ClusterOptions();
        var policyFrom = new Option<string?>("--policy-from")
        {
            Description = "Take policy.yaml (and its plans) from DIR or 'builtin' instead of the webhook's ConfigMap, for a cluster without the webhook (EnMasse 0.27-0.30); the cluster's plans are laid over them.",
            HelpName = "DIR|builtin",
        };
        var force = new Option<bool>("--force") { Description = "Replace DIR's policy.yaml (or policy.yml) and plans/ when they exist; other files of DIR stay." };
        command.Add(dir);
        cluster.AddTo(command);
        command.Add(policyFrom);
        command.Add(force);
        Epilogues.Attach(command, """
            Reads the webhook's policy ConfigMap (found by label in --webhook-namespace, or --policy-configmap)
            and the plans, infra configs and authentication services of the infra namespace, and writes them
            as a policy directory: DIR/policy.yaml as the ConfigMap holds it, and DIR/plans/KIND.yaml with the
            cluster's objects over the ConfigMap's plans. A tenant repository's check then judges against
            exactly what the cluster enforces.

            Examples:
              enmasse-policy policy pull live-policy/ && enmasse-policy validate --policies live-policy/ team1/
              enmasse-policy policy pull --policy-from policies/ live-policy/   # EnMasse 0.27-0.30, no webhook

            Exit codes: 0 written and it loads, 2 it could not be read or written, or does not load,
            3 written, but a resource could not be read (named on standard error).
            """);
        command.SetAction(parsed =>
        {
            try
            {
                return Run(parsed, console, cluster, parsed.GetValue(dir)!, parsed.GetValue(policyFrom), parsed.GetValue(force));
            }
            catch (ClusterException e)
            {
                return CheckInputs.Usage(console, "policy pull", e.Message);
            }
        });
        return command;
    }

    private static int Run(ParseResult parsed, CliConsole console, ClusterOptions cluster, string dir, string? policyFrom, bool force)
    {
        var target = Path.GetFullPath(dir, console.WorkingDirectory);
        var existing = new[] { PolicyLoader.PolicyFileName, "policy.yml", "plans" }.Where(n => File.Exists(Path.Combine(target, n)) || Directory.Exists(Path.Combine(target, n))).ToList();
        if (existing.Count > 0 && !force)
        {
            return CheckInputs.Usage(console, "policy pull", $"{dir} already holds {string.Join(" and ", existing)}: pass --force to replace them");
        }

        var connection = cluster.Connection(parsed, console);
        var (files, source) = PolicyFiles(parsed, cluster, connection, console, policyFrom);
        if (files is null)
        {
            return ExitCodes.Usage;
        }

        var loaded = PolicyLoader.Load(files, source);
        if (!loaded.Succeeded)
        {
            return FindingPrinter.Stop(console.Error, $"enmasse-policy policy pull: the policy of {source} does not load:", loaded.Findings);
        }

        var bundle = loaded.Bundle!;
        var infra = parsed.GetValue(cluster.InfraNamespace) ?? bundle.Policy.InfraNamespace;
        var read = new ClusterReader(connection.Value.Client, parsed.GetValue(cluster.ChunkSize))
            .ReadAsync(ApiResource.PublishedKinds, null, infra, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var unreadable in read.Unreadable)
        {
            console.Error.WriteLine($"enmasse-policy policy pull: cannot read {unreadable.Line}; the policy's own {unreadable.Resource.Kind}s are written instead");
        }

        // The cluster's object of a kind and name replaces the policy's, as in the webhook's catalogue.
        var published = new Dictionary<(ResourceKind, string), (Resource, string)>();
        foreach (var plan in bundle.Published.Objects)
        {
            published[(plan.Kind, plan.Name)] = (plan, source);
        }

        foreach (var plan in read.Objects)
        {
            published[(plan.Kind, plan.Name)] = (plan, $"the cluster ({infra})");
        }

        var policyFile = files.First(f => f.RelativePath is PolicyLoader.PolicyFileName or "policy.yml");
        var written = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { [policyFile.RelativePath] = policyFile.Bytes };
        foreach (var (path, text) in PlanFiles.Render(published.Values))
        {
            written[path] = System.Text.Encoding.UTF8.GetBytes(text);
        }

        try
        {
            Replace(target, written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckInputs.Usage(console, "policy pull", $"{dir}: cannot be written: {e.Message}");
        }

        foreach (var path in written.Keys)
        {
            console.Out.WriteLine($"wrote {Path.Combine(dir, path).Replace('\\', '/')}");
        }

        var check = PolicyLoader.LoadDirectory(target, dir);
        if (!check.Succeeded)
        {
            return FindingPrinter.Stop(console.Error, $"enmasse-policy policy pull: {dir} was written but does not load:", check.Findings);
        }

        var pulled = check.Bundle!;
        console.Out.WriteLine($"{dir}: ok (policy of {source}, {pulled.Published.AddressSpacePlans.Count} address space plans, {pulled.Published.AddressPlans.Count} address plans); check tenant files with: enmasse-policy validate --policies {dir}");
        return read.Unreadable.Count > 0 ? ExitCodes.Incomplete : ExitCodes.Ok;
    }

    /// <summary>The policy's files: the webhook's ConfigMap, or --policy-from; null when they cannot be read (said on standard error).</summary>
    private static (IReadOnlyList<PolicyFile>? Files, string Source) PolicyFiles(ParseResult parsed, ClusterOptions cluster, Lazy<(k8s.IKubernetes Client, string Description)> connection, CliConsole console, string? policyFrom)
    {
        if (policyFrom == PolicySource.BuiltIn)
        {
            return (PolicyLoader.BuiltInFiles(), PolicySource.BuiltIn);
        }

        if (policyFrom is not null)
        {
            var (files, problems) = PolicyLoader.ReadDirectory(Path.GetFullPath(policyFrom, console.WorkingDirectory), policyFrom);
            if (problems.Count > 0)
            {
                FindingPrinter.Stop(console.Error, $"enmasse-policy policy pull: --policy-from {policyFrom} cannot be read:", problems);
                return (null, policyFrom);
            }

            return (files, policyFrom);
        }

        var pulled = cluster.ReadWebhookPolicy(parsed, connection.Value.Client);
        foreach (var key in pulled.Skipped)
        {
            console.Error.WriteLine($"enmasse-policy policy pull: {pulled.Source}: key \"{CommonOptions.Bounded(key)}\" is neither policy.yaml nor plans.*, so it is not written");
        }

        return (pulled.Files, pulled.Source);
    }

    /// <summary>Removes what a previous pull wrote (policy.yaml, policy.yml, plans/) and writes the new files; nothing else of the directory is touched.</summary>
    private static void Replace(string target, IReadOnlyDictionary<string, byte[]> files)
    {
        Directory.CreateDirectory(target);
        foreach (var name in new[] { PolicyLoader.PolicyFileName, "policy.yml" })
        {
            File.Delete(Path.Combine(target, name));
        }

        if (Directory.Exists(Path.Combine(target, "plans")))
        {
            Directory.Delete(Path.Combine(target, "plans"), recursive: true);
        }

        foreach (var (relative, bytes) in files)
        {
            var path = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }
}

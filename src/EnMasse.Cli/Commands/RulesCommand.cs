using System.CommandLine;
using EnMasse.Cli.Console;
using EnMasse.Cli.Repository;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Rules;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy rules</c>: every rule, its weight at each enforcement point under the policy, whether it is fixed, and what it checks.</summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("rules", "List the rules and their severities under the policy.");
        var policies = new Option<string?>("--policies") { Description = "The policy whose weights to show: a directory or 'builtin'. Default: ./policies when it holds an AdmissionPolicy, else builtin.", HelpName = "DIR|builtin" };
        command.Add(policies);
        Epilogues.Attach(command, """
            Lists every rule: its id, its severity at admission (the webhook) and in CI (validate) under the
            policy, whether the policy may change it, and a one-line summary. 'enmasse-policy explain RULE'
            prints a rule's page.

            Exit codes: 0 listed, 2 the policy does not load.
            """);
        command.SetAction(parsed =>
        {
            var (result, _) = PolicyResolver.Resolve(parsed.GetValue(policies), console.WorkingDirectory);
            if (!result.Succeeded)
            {
                console.Error.WriteLine("enmasse-policy rules: the policy does not load:");
                FindingPrinter.Print(console.Error, result.Findings);
                return ExitCodes.Usage;
            }

            var policy = result.Bundle!.Policy;
            var width = RuleRegistry.All.Max(r => r.Id.Length);
            console.Out.WriteLine($"{"RULE".PadRight(width)}  ADMISSION  CI       FIXED  SUMMARY");
            foreach (var rule in RuleRegistry.All)
            {
                console.Out.WriteLine($"{rule.Id.PadRight(width)}  {Level(policy, rule, EnforcementPoint.Admission),-9}  {Level(policy, rule, EnforcementPoint.Ci),-7}  {(rule.Fixed ? "fixed" : "-"),-5}  {rule.Summary}");
            }

            console.Out.WriteLine($"(severities under the policy {result.Bundle.Source}; spec.rules cannot re-weight or switch off a fixed rule)");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What the policy makes of the rule at a point: its own setting, else the rule's default; a fixed rule keeps its default.</summary>
    private static string Level(AdmissionPolicy policy, IRule rule, EnforcementPoint point)
    {
        var setting = !rule.Fixed && policy.Rules.TryGetValue(rule.Id, out var s) ? (point == EnforcementPoint.Admission ? s.Admission : s.Ci) : null;
        return setting switch
        {
            RuleLevel.Off => "off",
            RuleLevel.Warning => "warning",
            RuleLevel.Error => "error",
            _ => rule.DefaultAt(point).ToName(),
        };
    }
}

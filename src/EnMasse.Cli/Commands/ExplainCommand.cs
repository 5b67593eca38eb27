using System.CommandLine;
using EnMasse.Cli.Console;
using EnMasse.Cli.Docs;
using EnMasse.Cli.Output;
using EnMasse.Policy.Naming;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy explain RULE</c>: the rule's page of docs/rules/, compiled in.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("explain", "Print a rule's page: what it checks, examples, how to fix it.");
        var rule = new Argument<string>("RULE") { Description = "A rule id, as findings name it (e.g. address.plan); 'enmasse-policy rules' lists them." };
        rule.CompletionSources.Add(_ => EnMasse.Policy.Rules.RuleRegistry.All.Select(r => r.Id));
        command.Add(rule);
        Epilogues.Attach(command, """
            Prints a rule's page of the rule reference (docs/rules/RULE.md): what it checks, why, what EnMasse
            itself does per version, a failing and a passing example, how to fix it, and how a platform
            re-weights or exempts it.

            Exit codes: 0 printed, 2 no such rule.
            """);
        command.SetAction(parsed =>
        {
            var id = parsed.GetValue(rule)!;
            if (RuleDocs.Page(id) is not { } page)
            {
                console.Error.WriteLine($"enmasse-policy explain: no rule \"{CommonOptions.Bounded(id)}\"{Names.DidYouMean(id, RuleDocs.Ids)}; 'enmasse-policy rules' lists them");
                return ExitCodes.Usage;
            }

            console.Out.Write(page.EndsWith('\n') ? page : page + "\n");
            if (RuleLinks.ForRule(id) is { } url)
            {
                console.Out.WriteLine($"\n(online: {url})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

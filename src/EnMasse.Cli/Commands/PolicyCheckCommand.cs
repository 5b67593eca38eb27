using System.CommandLine;
using EnMasse.Cli.Console;
using EnMasse.Cli.Repository;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy policy check [DIR]</c>: loads a policy directory as the webhook would.</summary>
internal static class PolicyCheckCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("check", "Check a policy directory as the webhook loads it.");
        var dir = new Argument<string>("DIR") { Description = "The policy directory, or 'builtin'.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "policies" };
        command.Add(dir);
        Epilogues.Attach(command, """
            Loads a policy directory as the webhook would: its JSON Schema, its plans and its consistency (a
            plan listing an address plan that is not published, two plans of one name, an exemption naming an
            unknown rule, a tenant entry granting an unpublished plan, with a name pattern that does not
            compile, a namespace glob that can never match, or shadowed by an earlier entry). Findings are
            printed as FILE:LINE:COLUMN lines.

            Exit codes: 0 the policy loads, 2 it does not.
            """);
        command.SetAction(parsed =>
        {
            var shown = parsed.GetValue(dir)!;
            var (result, _) = PolicyResolver.Resolve(shown, console.WorkingDirectory);
            if (!result.Succeeded)
            {
                FindingPrinter.Print(console.Out, result.Findings);
                console.Out.WriteLine($"{shown}: {result.Findings.Count} problem{(result.Findings.Count == 1 ? string.Empty : "s")}; the policy does not load");
                return ExitCodes.Usage;
            }

            var bundle = result.Bundle!;
            console.Out.WriteLine($"{shown}: ok ({bundle.Policy.Name}, {bundle.Policy.EnMasseVersion.Label}, platform {bundle.Policy.PlatformName}, {bundle.Published.AddressSpacePlans.Count} address space plans, {bundle.Published.AddressPlans.Count} address plans)");
            return ExitCodes.Ok;
        });
        return command;
    }
}

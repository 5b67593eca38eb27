using EnMasse.Cli.Console;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Schema;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy policy check [DIR]</c> and <c>policy schema [KIND]</c>.</summary>
internal static class PolicyCommand
{
    public const string Help = """
        Usage: enmasse-policy policy check [DIR]
               enmasse-policy policy schema [AdmissionPolicy|PolicyTest|KIND]

        check   loads a policy directory (default ./policies) as the webhook would: its JSON
                Schema, its plans, and its consistency (a plan listing an address plan that is
                not published, an exemption naming an unknown rule). Findings are printed as
                FILE:LINE:COLUMN lines. Exit 0 when it loads, 2 when it does not.
        schema  prints a JSON Schema for editors (yaml-language-server can use it): the
                AdmissionPolicy (default), PolicyTest, or an EnMasse kind such as Address.
        """;

    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" || args.Contains("--help"))
        {
            console.Out.Write(Help);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        switch (args[0])
        {
            case "check":
                if (args.Count > 2)
                {
                    console.Error.WriteLine("enmasse-policy policy check: takes at most one directory");
                    return ExitCodes.Usage;
                }

                var dir = args.Count > 1 ? args[1] : "policies";
                var result = PolicyResolver.Resolve(dir, console);
                if (!result.Succeeded)
                {
                    Commands.FindingPrinter.Print(console.Out, result.Findings);
                    console.Out.WriteLine($"{dir}: {result.Findings.Count} problem{(result.Findings.Count == 1 ? string.Empty : "s")}; the policy does not load");
                    return ExitCodes.Usage;
                }

                var published = result.Bundle!.Published;
                console.Out.WriteLine($"{dir}: ok ({result.Bundle.Policy.Name}, platform {result.Bundle.Policy.PlatformName}, {published.AddressSpacePlans.Count} address space plans, {published.AddressPlans.Count} address plans)");
                return ExitCodes.Ok;
            case "schema":
                var which = args.Count > 1 ? args[1] : "AdmissionPolicy";
                string? json = which switch
                {
                    "AdmissionPolicy" => PolicySchemas.AdmissionPolicyJson,
                    "PolicyTest" => PolicySchemas.PolicyTestJson,
                    _ => KindSchemas.Kinds.Contains(which) ? KindSchemas.JsonFor(which) : null,
                };
                if (json is null)
                {
                    console.Error.WriteLine($"enmasse-policy policy schema: no schema named \"{which}\"; known: AdmissionPolicy, PolicyTest, {string.Join(", ", KindSchemas.Kinds)}");
                    return ExitCodes.Usage;
                }

                console.Out.WriteLine(json);
                return ExitCodes.Ok;
            default:
                console.Error.WriteLine($"enmasse-policy policy: unknown subcommand \"{args[0]}\"; use check or schema");
                return ExitCodes.Usage;
        }
    }
}

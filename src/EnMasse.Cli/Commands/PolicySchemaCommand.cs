using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnMasse.Cli.Console;
using EnMasse.Cli.Repository;
using EnMasse.Policy.Policies;
using EnMasse.Policy.Schema;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Commands;

/// <summary><c>enmasse-policy policy schema [NAME]</c>: JSON Schemas for editors.</summary>
internal static class PolicySchemaCommand
{
    public const string ConfigName = "config";

    /// <summary>
    /// Required fields that a default fills before validation (default.address fills an Address's
    /// spec.address from its name): an editor must not flag a file that validate accepts.
    /// </summary>
    private static readonly Dictionary<string, (string Parent, string Field)[]> FilledByDefaults = new(StringComparer.Ordinal)
    {
        ["Address"] = [("spec", "address")],
    };

    public static Command Create(CliConsole console)
    {
        var command = new Command("schema", "Print a JSON Schema for editors.");
        var names = Names();
        var name = new Argument<string>("NAME") { Description = "What to print.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "AdmissionPolicy" };
        name.AcceptOnlyFromAmong(names);
        command.Add(name);
        var release = CommonOptions.ReleaseOption();
        release.Description = "The EnMasse release whose field set a kind's schema has (0.26 ... 0.33). Default: the release the policy in ./policies names, else 0.31.";
        command.Add(release);
        Epilogues.Attach(command, """
            Prints a JSON Schema for editors (yaml-language-server, ajv): the AdmissionPolicy (default),
            PolicyTest, config (.enmasse-policy.yaml) or an EnMasse kind such as Address. A kind's schema has the
            fields of the EnMasse release (--enmasse-version, else the policy's) and leaves out what a default
            fills in, as validate does.

            In an editor (yaml-language-server), after 'enmasse-policy policy schema Address > address.schema.json':
              # yaml-language-server: $schema=address.schema.json

            Exit codes: 0 printed, 2 unknown name.
            """);
        command.SetAction(parsed =>
        {
            var version = CommonOptions.Release(parsed, release)
                ?? PolicyResolver.Resolve(null, console.WorkingDirectory).Result.Bundle?.Policy.EnMasseVersion
                ?? EnMasseVersion.Default;
            console.Out.WriteLine(Json(parsed.GetValue(name)!, version));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string[] Names() => ["AdmissionPolicy", "PolicyTest", ConfigName, .. KindSchemas.Kinds.Order(StringComparer.Ordinal)];

    public static string Json(string name, EnMasseVersion release) => name switch
    {
        "AdmissionPolicy" => PolicySchemas.AdmissionPolicyJson,
        "PolicyTest" => PolicySchemas.PolicyTestJson,
        ConfigName => RepositoryConfig.SchemaJson,
        _ => ForEditors(name, KindSchemas.JsonFor(name, release)),
    };

    private static string ForEditors(string kind, string json)
    {
        if (!FilledByDefaults.TryGetValue(kind, out var filled))
        {
            return json;
        }

        var root = JsonNode.Parse(json)!;
        foreach (var (parent, field) in filled)
        {
            if (root["properties"]?[parent]?["required"] is JsonArray required)
            {
                foreach (var item in required.Where(i => i?.GetValue<string>() == field).ToList())
                {
                    required.Remove(item);
                }
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}

using EnMasse.Policy.Schema;
using NJsonSchema;

namespace EnMasse.Policy.Policies;

/// <summary>The JSON Schemas of the policy files, parsed by NJsonSchema; `policy schema` prints them for editors.</summary>
public static class PolicySchemas
{
    private static readonly Lazy<(JsonSchema Source, CompiledSchema Compiled)> Policy = new(() => Load("AdmissionPolicy"));
    private static readonly Lazy<(JsonSchema Source, CompiledSchema Compiled)> Test = new(() => Load("PolicyTest"));

    public static CompiledSchema AdmissionPolicy => Policy.Value.Compiled;

    public static CompiledSchema PolicyTest => Test.Value.Compiled;

    public static string AdmissionPolicyJson => Policy.Value.Source.ToJson();

    public static string PolicyTestJson => Test.Value.Source.ToJson();

    private static (JsonSchema, CompiledSchema) Load(string name)
    {
        var source = KindSchemas.LoadResource($"EnMasse.Policy.Policies.{name}.schema.json");
        return (source, CompiledSchema.Compile(source));
    }
}

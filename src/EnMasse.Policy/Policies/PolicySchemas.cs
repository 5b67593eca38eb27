using EnMasse.Policy.Schema;

namespace EnMasse.Policy.Policies;

/// <summary>The JSON Schemas of the policy files, each compiled on first use; `policy schema` prints them for editors.</summary>
public static class PolicySchemas
{
    private static readonly Lazy<CompiledSchema> Policy = new(() => CompiledSchema.FromJson(KindSchemas.ReadResource(Resource("AdmissionPolicy"))));
    private static readonly Lazy<CompiledSchema> Test = new(() => CompiledSchema.FromJson(KindSchemas.ReadResource(Resource("PolicyTest"))));

    public static CompiledSchema AdmissionPolicy => Policy.Value;

    public static CompiledSchema PolicyTest => Test.Value;

    /// <summary>As NJsonSchema writes it; only `policy schema` asks.</summary>
    public static string AdmissionPolicyJson => KindSchemas.LoadResource(Resource("AdmissionPolicy")).ToJson();

    public static string PolicyTestJson => KindSchemas.LoadResource(Resource("PolicyTest")).ToJson();

    private static string Resource(string name) => $"EnMasse.Policy.Policies.{name}.schema.json";
}

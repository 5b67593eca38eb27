namespace EnMasse.Policy.Vocabulary;

/// <summary>The lower-case names users read for severities, enforcement points and operations.</summary>
public static class VocabularyNames
{
    public static string ToName(this Severity severity) => severity == Severity.Error ? "error" : "warning";

    public static string ToName(this EnforcementPoint point) => point == EnforcementPoint.Admission ? "admission" : "ci";

    public static string ToName(this Operation operation) => operation.ToString().ToUpperInvariant();

    public static bool TryParse(string? text, out Operation operation)
    {
        operation = Operation.Create;
        switch (text?.ToUpperInvariant())
        {
            case "CREATE": operation = Operation.Create; return true;
            case "UPDATE": operation = Operation.Update; return true;
            case "DELETE": operation = Operation.Delete; return true;
            case "CONNECT": operation = Operation.Connect; return true;
            default: return false;
        }
    }
}

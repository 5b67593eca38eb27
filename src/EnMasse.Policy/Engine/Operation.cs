namespace EnMasse.Policy.Engine;

/// <summary>The admission operation an object is judged under.</summary>
public enum Operation
{
    Create,
    Update,
    Delete,
    Connect,
}

public static class OperationNames
{
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

    public static string ToName(this Operation operation) => operation.ToString().ToUpperInvariant();
}

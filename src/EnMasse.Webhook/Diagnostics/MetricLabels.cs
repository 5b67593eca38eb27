using EnMasse.Policy.Model;

namespace EnMasse.Webhook.Diagnostics;

/// <summary>
/// Label values taken from a request come from closed sets: each value is a new series the
/// registry keeps forever, and the webhook has no client authentication, so a label copied
/// from the request would let anyone who reaches the Service grow its memory without bound.
/// </summary>
internal static class MetricLabels
{
    public const string Other = "other";

    private static readonly HashSet<string> Kinds = [.. Enum.GetNames<ResourceKind>()];
    private static readonly HashSet<string> Operations = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

    /// <summary>An EnMasse kind as sent, or "other".</summary>
    public static string Kind(string? kind) => kind is not null && Kinds.Contains(kind) ? kind : Other;

    /// <summary>An admission operation as sent, or "other".</summary>
    public static string Operation(string? operation) => operation is not null && Operations.Contains(operation) ? operation : Other;
}

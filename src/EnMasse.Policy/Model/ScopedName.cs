namespace EnMasse.Policy.Model;

/// <summary>Names of the form <c>&lt;addressspace&gt;.&lt;name&gt;</c>, as Addresses and MessagingUsers carry them.</summary>
public static class ScopedName
{
    /// <summary>Splits at the first dot; both parts null when there is no dot.</summary>
    public static (string? Space, string? Local) Split(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (null, null) : (name[..dot], name[(dot + 1)..]);
    }
}

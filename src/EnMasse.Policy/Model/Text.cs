using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Model;

/// <summary>A string value together with the node it was read from, so a rule can point at it.</summary>
public sealed record Text(string Value, Node Node)
{
    public string Path => Node.Path;

    public override string ToString() => Value;
}

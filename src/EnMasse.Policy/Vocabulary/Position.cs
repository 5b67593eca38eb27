namespace EnMasse.Policy.Vocabulary;

/// <summary>A 1-based line and column in a source file; <see cref="None"/> for objects that came without text.</summary>
public readonly record struct Position(int Line, int Column)
{
    public static readonly Position None = new(0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "-";
}

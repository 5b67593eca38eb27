namespace EnMasse.Cli.Editing;

/// <summary>Text added at a character index of the original; the original's own characters are never changed.</summary>
internal sealed record TextInsertion(int Index, string Text);

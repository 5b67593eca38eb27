namespace EnMasse.Cli.Output;

/// <summary>How loud a note is: <see cref="Warning"/> for what is likely a mistake, <see cref="Info"/> for what the reader should know.</summary>
internal enum NoteLevel
{
    Info,
    Warning,
}

/// <summary>
/// What the run tells the reader that is no rule's finding and never changes the verdict: a
/// file passed over and how to check it, the likely cause of other findings, an empty input.
/// <see cref="Line"/> is 0 when the note is about a whole file or about no file.
/// </summary>
internal sealed record Note(NoteLevel Level, string? File, int Line, int Column, string Message)
{
    public static Note Info(string message, string? file = null, int line = 0, int column = 0) => new(NoteLevel.Info, file, line, column, message);

    public static Note Warn(string message, string? file = null, int line = 0, int column = 0) => new(NoteLevel.Warning, file, line, column, message);

    public string Label => Level == NoteLevel.Warning ? "warning" : "note";
}

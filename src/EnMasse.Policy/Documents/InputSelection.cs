namespace EnMasse.Policy.Documents;

/// <summary>
/// How a caller narrows what <see cref="InputReader.Read"/> takes: the name findings give
/// standard input, entries of a walked directory to leave out (by full path; a left-out
/// directory is not entered), and files to pass over unparsed after their bytes were read
/// (the reason is kept, so the caller can say why). Paths named on the command line are never
/// left out by <see cref="Exclude"/>: only what a walk finds.
/// </summary>
public sealed record InputSelection(
    string StdinName = InputReader.StdinName,
    Func<string, bool, bool>? Exclude = null,
    Func<string, byte[], string?>? Skip = null)
{
    public static InputSelection All { get; } = new();
}

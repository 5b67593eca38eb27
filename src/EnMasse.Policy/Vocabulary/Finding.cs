namespace EnMasse.Policy.Vocabulary;

/// <summary>
/// What a rule found, as every door reports it. <see cref="Line"/> and <see cref="Column"/> are
/// 1-based, or 0 when the object came without text (an AdmissionReview). A <see cref="Waiver"/>
/// says why an error of the rule came back as a warning (its message says so too). The text
/// fields hold user input (values, names, file names): they are escaped and bounded here, once,
/// by <see cref="ShownText"/>, so no door and no format shows a control character or a megabyte
/// of echoed value.
/// </summary>
public sealed record Finding(
    string Rule,
    Severity Severity,
    string Message,
    string? File,
    int Line,
    int Column,
    string? Kind,
    string? Namespace,
    string? Name,
    string Path,
    bool Exempted = false,
    Waiver? Waiver = null)
{
    private readonly string _message = ShownText.Message(Message);
    private readonly string? _file = Shown(File);
    private readonly string? _namespace = Shown(Namespace);
    private readonly string? _name = Shown(Name);
    private readonly string _path = ShownText.Value(Path, ShownText.MaxName);

    public string Message { get => _message; init => _message = ShownText.Message(value); }

    public string? File { get => _file; init => _file = Shown(value); }

    public string? Namespace { get => _namespace; init => _namespace = Shown(value); }

    public string? Name { get => _name; init => _name = Shown(value); }

    public string Path { get => _path; init => _path = ShownText.Value(value, ShownText.MaxName); }

    public bool Denies => Severity == Severity.Error && !Exempted;

    /// <summary>A warning that counts: shown to the user, not exempted.</summary>
    public bool Warns => Severity == Severity.Warning && !Exempted;

    /// <summary>A finding about a file rather than an object in it (a policy file, a suite), at its first line unless placed.</summary>
    public static Finding ForFile(string rule, string? file, string message, Position? at = null)
    {
        var where = at ?? new Position(1, 1);
        return new(rule, Severity.Error, message, file, where.Line, where.Column, Kind: null, Namespace: null, Name: null, Path: string.Empty);
    }

    /// <summary>The yaml.syntax finding a reader gives for a file it could not read.</summary>
    public static Finding Syntax(string? file, Position at, string message) => ForFile(RuleIds.YamlSyntax, file, message, at);

    /// <summary>A rule's raw finding, placed in its file and on its object, with the weight the policy gives it.</summary>
    public static Finding Of(RawFinding raw, Severity severity, string? file, string? kind, string? @namespace, string? name, bool exempted = false) =>
        new(raw.Rule, severity, raw.Message, file, raw.Position.Line, raw.Position.Column, kind, @namespace, name, raw.Path, exempted);

    /// <summary>The same finding as a warning that does not deny, with the reason in front of the message (kubectl shows the first 120 characters).</summary>
    public Finding Waive(Waiver waiver, string reason) =>
        this with { Severity = Severity.Warning, Waiver = waiver, Message = $"{reason}: {Message}" };

    /// <summary>Findings sort by file, line, column, rule; the rest only breaks ties so the order never depends on rule order.</summary>
    public static readonly IComparer<Finding> Order = Comparer<Finding>.Create(static (a, b) =>
    {
        var c = string.CompareOrdinal(a.File ?? string.Empty, b.File ?? string.Empty);
        if (c != 0) return c;
        c = a.Line.CompareTo(b.Line);
        if (c != 0) return c;
        c = a.Column.CompareTo(b.Column);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Rule, b.Rule);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Path, b.Path);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    });

    private static string? Shown(string? text) => text is null ? null : ShownText.Value(text, ShownText.MaxName);
}

using EnMasse.Policy.Documents;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Cli.Editing;

/// <summary>The defaults to write into one object of a file: where the object starts, and each addition's place and value.</summary>
internal sealed record ObjectEdit(Position Start, IReadOnlyList<Addition> Additions);

/// <summary>A key to add: the path to it (as the JSON Patch names it) and its value as the mutated object holds it.</summary>
internal sealed record Addition(IReadOnlyList<string> Segments, Node Value);

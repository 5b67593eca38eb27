using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>
/// The depth and node limits a reader enforces while it reads, so that a deep nesting or an
/// alias bomb is refused before it costs anything. Crossing one throws
/// <see cref="ReadLimitException"/>, which the reader turns into a yaml.syntax finding.
/// </summary>
internal sealed class ReadBudget(DocumentLimits limits, string tooManyNodes)
{
    private long _nodes;

    public DocumentLimits Limits => limits;

    /// <summary>Starts counting anew: the node limit is per document.</summary>
    public void Reset() => _nodes = 0;

    public void CheckDepth(int depth, Position at)
    {
        if (depth > limits.MaxDepth)
        {
            throw new ReadLimitException(at, $"the document nests deeper than {limits.MaxDepth} levels");
        }
    }

    /// <summary>Counts <paramref name="size"/> more nodes (an alias counts at its expanded size).</summary>
    public void Count(long size, Position at)
    {
        _nodes += size;
        if (_nodes > limits.MaxNodesPerDocument)
        {
            throw new ReadLimitException(at, string.Format(System.Globalization.CultureInfo.InvariantCulture, tooManyNodes, limits.MaxNodesPerDocument));
        }
    }
}

using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Documents;

/// <summary>A reader stopped at a limit or at input it cannot take; the message is the finding's.</summary>
internal sealed class ReadLimitException(Position position, string message) : Exception(message)
{
    public Position Position { get; } = position;
}

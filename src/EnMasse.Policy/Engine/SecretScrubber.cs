using EnMasse.Policy.Documents;

namespace EnMasse.Policy.Engine;

/// <summary>
/// The last guard against a secret in a message: collects the values of secret-looking fields
/// of an object and blanks them out of any message. Rules never quote these fields; this
/// catches the case where one slipped through another field.
/// </summary>
public static class SecretScrubber
{
    private const int MinimumLength = 4;
    private static readonly string[] SecretWords = ["password", "secret", "token", "key"];

    public static IReadOnlyList<string> Collect(Node? root)
    {
        var secrets = new List<string>();
        if (root is not null)
        {
            Collect(root, secretContext: false, secrets, depth: 0);
        }

        return secrets;
    }

    public static string Scrub(string message, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (message.Contains(secret, StringComparison.Ordinal))
            {
                message = message.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return message;
    }

    public static bool IsSecretKey(string key)
    {
        foreach (var word in SecretWords)
        {
            if (key.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(Node node, bool secretContext, List<string> secrets, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        switch (node)
        {
            case ScalarNode scalar when secretContext && scalar.Value.Length >= MinimumLength:
                secrets.Add(scalar.Value);
                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    Collect(entry.Value, secretContext || IsSecretKey(entry.Key), secrets, depth + 1);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item, secretContext, secrets, depth + 1);
                }

                break;
        }
    }
}

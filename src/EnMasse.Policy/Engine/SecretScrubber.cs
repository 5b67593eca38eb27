using System.Text;
using EnMasse.Policy.Documents;
using EnMasse.Policy.Model;
using EnMasse.Policy.Schema;
using EnMasse.Policy.Vocabulary;

namespace EnMasse.Policy.Engine;

/// <summary>
/// The last guard against a secret in a finding. It collects the secrets of an object (and of
/// its stored version) and blanks them out of every message and path, in any case and in the
/// forms a rule could derive from them.
/// <list type="bullet">
/// <item>A secret is the value of a field whose key names one (password, secret, token, key),
/// and, inside <c>authentication</c> or such a field, a key the kind's schema does not define
/// there: a password typed as a key name.</item>
/// <item>Each secret counts in three forms: as written, base64-encoded, and base64-decoded when
/// it decodes to text (EnMasse passwords are base64).</item>
/// <item>A form is compared on its letters and digits, case-folded: "Alice_S3cret" is found in
/// "alice-s3cret" or "ALICES3CRET", because a suggestion that lowercases or drops punctuation
/// must not carry it out. Everything from the first to the last character of a match becomes
/// "***".</item>
/// <item>A form with fewer than <see cref="MinimumLength"/> letters and digits is blanked only
/// where it stands alone (between characters that are not letters or digits): "ab1" blanks
/// <c>"AB1"</c> but not <c>cab1e</c>. A shorter rule would blank every "a" of every message;
/// a password that short is guessed faster than it is read.</item>
/// <item>An object holding more than <see cref="MaxSecretText"/> characters of secrets is not
/// scrubbed value by value: its messages are withheld whole, so the work stays bounded.</item>
/// </list>
/// </summary>
public sealed class SecretScrubber
{
    /// <summary>Letters and digits a secret needs to be blanked wherever it occurs.</summary>
    public const int MinimumLength = 4;

    /// <summary>Most characters of secret forms one object may hold and still be scrubbed value by value.</summary>
    public const int MaxSecretText = 256 * 1024;

    public const string Blank = "***";

    public const string Withheld = "(message withheld: the object holds more secret text than the scrubber checks)";

    private static readonly string[] SecretWords = ["password", "secret", "token", "key"];

    private readonly PatternSet _long;
    private readonly HashSet<string> _short;
    private readonly bool _withheld;

    private SecretScrubber(PatternSet @long, HashSet<string> @short, bool withheld)
    {
        _long = @long;
        _short = @short;
        _withheld = withheld;
    }

    public static SecretScrubber None { get; } = new(new PatternSet([]), [], withheld: false);

    /// <summary>The secrets of an object and of its stored version, read with the kind's schema (null when there is none).</summary>
    public static SecretScrubber Collect(Node? root, Node? old = null, CompiledSchema? schema = null) =>
        Collect(new[] { root, old }.OfType<Node>().Select(tree => (tree, schema)));

    /// <summary>The secrets of every document, each read with its kind's schema for the release when it is an EnMasse object (for a diff of whole files).</summary>
    public static SecretScrubber CollectAll(IEnumerable<Node> documents, EnMasseVersion release) =>
        Collect(documents.Select(root => (root, Resource.From(root, Resource.DefaultNamespace) is { } resource ? KindSchemas.For(resource.Kind.ToString(), release) : null)));

    private static SecretScrubber Collect(IEnumerable<(Node Root, CompiledSchema? Schema)> trees)
    {
        var values = new List<string>();
        foreach (var (tree, schema) in trees)
        {
            Collect(tree, schema, secretContext: false, credentials: false, values, depth: 0);
        }

        if (values.Count == 0)
        {
            return None;
        }

        var longForms = new HashSet<string>(StringComparer.Ordinal);
        var shortForms = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            foreach (var form in Forms(value))
            {
                var skeleton = Skeleton(form).Text;
                total += skeleton.Length;
                if (total > MaxSecretText)
                {
                    return new SecretScrubber(new PatternSet([]), [], withheld: true);
                }

                if (skeleton.Length >= MinimumLength)
                {
                    longForms.Add(skeleton);
                }
                else if (skeleton.Length > 0)
                {
                    shortForms.Add(skeleton);
                }
            }
        }

        return new SecretScrubber(new PatternSet(longForms), shortForms, withheld: false);
    }

    /// <summary>Whether the text holds a secret in any of the forms <see cref="Scrub"/> blanks.</summary>
    public bool Holds(string text) => _withheld || Cover(text) is not null;

    /// <summary>The text with every secret in it blanked.</summary>
    public string Scrub(string text)
    {
        if (_withheld)
        {
            return Withheld;
        }

        if (Cover(text) is not { } cover)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!cover[i])
            {
                result.Append(text[i]);
            }
            else if (i == 0 || !cover[i - 1])
            {
                result.Append(Blank);
            }
        }

        return result.ToString();
    }

    /// <summary>A field whose key names a secret: its values are never shown.</summary>
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

    /// <summary>The characters of the text covered by a secret, or null when none is.</summary>
    private bool[]? Cover(string text)
    {
        if (_long.IsEmpty && _short.Count == 0)
        {
            return null;
        }

        var (skeleton, map) = Skeleton(text);
        var covered = new bool[skeleton.Length];
        var any = !_long.IsEmpty && _long.Mark(skeleton, covered);
        if (_short.Count > 0)
        {
            any |= MarkShort(skeleton, map, covered);
        }

        if (!any)
        {
            return null;
        }

        // From the skeleton back to the text: a match covers everything from its first to its last character.
        var cover = new bool[text.Length];
        for (var i = 0; i < skeleton.Length; i++)
        {
            if (covered[i])
            {
                var end = i + 1 < skeleton.Length && covered[i + 1] ? map[i + 1] : map[i] + 1;
                for (var j = map[i]; j < end; j++)
                {
                    cover[j] = true;
                }
            }
        }

        return cover;
    }

    /// <summary>Short forms count only as a whole run of letters and digits in the text.</summary>
    private bool MarkShort(string skeleton, int[] map, bool[] covered)
    {
        var any = false;
        var start = 0;
        for (var i = 1; i <= skeleton.Length; i++)
        {
            // A run of the skeleton is a run of the text when the characters were adjacent there.
            if (i < skeleton.Length && map[i] == map[i - 1] + 1)
            {
                continue;
            }

            var length = i - start;
            if (length < MinimumLength && _short.Contains(skeleton.Substring(start, length)))
            {
                any = true;
                Array.Fill(covered, true, start, length);
            }

            start = i;
        }

        return any;
    }

    private static IEnumerable<string> Forms(string value)
    {
        yield return value;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        if (Decoded(value) is { } decoded)
        {
            yield return decoded;
        }
    }

    /// <summary>The text a base64 value stands for, when it is base64 of printable UTF-8.</summary>
    private static string? Decoded(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < 4 || trimmed.Length % 4 != 0)
        {
            return null;
        }

        var bytes = new byte[trimmed.Length / 4 * 3];
        if (!Convert.TryFromBase64String(trimmed, bytes, out var written))
        {
            return null;
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
            return text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The letters and digits of the text, case-folded, and where each stands in the text.</summary>
    private static (string Text, int[] Map) Skeleton(string text)
    {
        var letters = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                letters.Append(char.ToLowerInvariant(text[i]));
                map.Add(i);
            }
        }

        return (letters.ToString(), [.. map]);
    }

    private static void Collect(Node node, CompiledSchema? schema, bool secretContext, bool credentials, List<string> secrets, int depth)
    {
        if (depth > DocumentLimits.Default.MaxDepth + 1)
        {
            return;
        }

        switch (node)
        {
            case ScalarNode scalar when secretContext && scalar.Value.Length > 0 && !scalar.IsNull:
                secrets.Add(scalar.Value);
                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    var property = schema?.Properties.GetValueOrDefault(entry.Key) ?? schema?.AdditionalProperties;
                    if (credentials && property is null)
                    {
                        secrets.Add(entry.Key);
                    }

                    var secretKey = IsSecretKey(entry.Key);
                    var holdsCredentials = secretKey || entry.Key.Equals("authentication", StringComparison.OrdinalIgnoreCase);
                    Collect(entry.Value, property, secretContext || secretKey, holdsCredentials && entry.Value is MappingNode, secrets, depth + 1);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item, schema?.Items, secretContext, credentials, secrets, depth + 1);
                }

                break;
        }
    }
}

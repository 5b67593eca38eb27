using System.Globalization;
using System.Text;
using CsCheck;

namespace EnMasse.Testing;

/// <summary>
/// Generators of hostile input for the property tests: EnMasse-shaped objects whose values are
/// control characters, bidirectional overrides, half surrogate pairs, very long runs, secrets
/// in other cases and encodings; structures that nest deep, repeat keys, hold thousands of
/// keys or expand through aliases; and the same text cut or spliced at random. Each object is
/// written as YAML (flow or block, values quoted or raw) and as JSON, so both readers and the
/// webhook see the same hostility.
/// </summary>
public static class Hostile
{
    /// <summary>Characters that break naive code: controls, separators, overrides, quotes, YAML indicators, a BOM, non-characters.</summary>
    private const string Nasty = "\0\u0001\u0007\b\t\n\r\u001b\u007f\u0085\u009b\u2028\u2029\u202e\u2066\ufeff\ufffe\"'\\:#&*!|>%@`{}[],-?~ \u00e9\u4e2d";

    /// <summary>How many iterations a property runs: few in <c>dotnet test</c>, as many as bench/fuzz/run asks for.</summary>
    public static long Iterations(long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable("ENMASSE_FUZZ_ITER"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    public static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-."], 1, 12];

    public static readonly Gen<string> Text = Gen.Frequency(
        (5, Word),
        (3, Gen.String[Gen.Char[Nasty + "abcXYZ019"], 0, 40]),
        (1, Gen.Select(Gen.Char["ax\u00e9\u202e"], Gen.Int[1_000, 40_000], (c, n) => new string(c, n))),
        (1, Gen.Select(Word, Gen.Char["\ud800\udc00"], (w, s) => w + s + w)),
        (1, Gen.Const("\ud83d\ude00 plan")));

    /// <summary>A password: letters, digits and punctuation, long enough that it must be scrubbed wherever it appears.</summary>
    public static readonly Gen<string> Password = Gen.String[Gen.Char["abcdefghijkLMNOPQRSTUVWXYZ0123456789_-+/=!"], 10, 24]
        .Where(p => p.Count(char.IsLetterOrDigit) >= 8);

    /// <summary>The forms a password may take elsewhere in an object, all of which the scrubber must catch.</summary>
    public static Gen<string> SecretForm(string password) => Gen.OneOf(
        Gen.Const(password),
        Gen.Const(password.ToUpperInvariant()),
        Gen.Const(password.ToLowerInvariant()),
        Gen.Const("Alice_" + password),
        Gen.Const(new string([.. password.Where(char.IsLetterOrDigit)])),
        Gen.Const(Convert.ToBase64String(Encoding.UTF8.GetBytes(password))));

    /// <summary>A small tree of mappings, lists and strings, written out as YAML or JSON.</summary>
    public abstract record Tree;

    public sealed record Map(IReadOnlyList<(string Key, Tree Value)> Entries) : Tree;

    public sealed record Seq(IReadOnlyList<Tree> Items) : Tree;

    public sealed record Str(string Value) : Tree;

    private static Map M(params (string, Tree)[] entries) => new(entries);

    /// <summary>An EnMasse-shaped object (or a List of them, or a ConfigMap) with hostile values and shapes.</summary>
    public static readonly Gen<Tree> Object = Gen.Select(Gen.Int[0, 5], Text.Array[8], Gen.Int[0, 3], Gen.Int[0, 120], Gen.Int[0, 3000], (kind, v, extra, depth, keys) =>
    {
        var spec = new List<(string, Tree)> { ("type", new Str(v[0])), ("plan", new Str(v[1])) };
        Tree meta = M(("name", new Str(v[2])), ("namespace", new Str(v[3])), ("annotations", M((v[4], new Str(v[5])))));
        switch (kind)
        {
            case 1:
                spec.Add(("address", new Str(v[6])));
                break;
            case 2:
                spec.Add(("username", new Str(v[6])));
                spec.Add(("authentication", M(("type", new Str("password")), ("password", new Str(v[7])), (v[7], new Str("x")))));
                break;
        }

        if (extra > 0)
        {
            spec.Add(("deep", Nest(depth)));
        }

        if (extra > 1)
        {
            // Short values only here: thousands of long ones would make a body no API server sends.
            spec.AddRange(Enumerable.Range(0, keys).Select(i => ("k" + i.ToString(CultureInfo.InvariantCulture), (Tree)new Str(i % 7 == 0 && v[i % 8].Length <= 64 ? v[i % 8] : "v"))));
        }

        if (extra > 2)
        {
            // A repeated key, which tools disagree on.
            spec.Add(("plan", new Str(v[0])));
        }

        var (apiVersion, kindName) = kind switch
        {
            0 => ("enmasse.io/v1beta1", "AddressSpace"),
            1 => ("enmasse.io/v1beta1", "Address"),
            2 => ("user.enmasse.io/v1beta1", "MessagingUser"),
            3 => ("v1", "ConfigMap"),
            _ => ("v1", "List"),
        };
        Tree item = M(("apiVersion", new Str(apiVersion)), ("kind", new Str(kindName)), ("metadata", meta), ("spec", new Map(spec)));
        return kind == 4 ? M(("apiVersion", new Str("v1")), ("kind", new Str("List")), ("items", new Seq([M(("apiVersion", new Str("v1")), ("kind", new Str("List")), ("items", new Seq([item])))]))) : item;
    });

    /// <summary>A MessagingUser whose password appears again, transformed, in the other fields; with the password it carries.</summary>
    public static readonly Gen<(string Password, Tree User)> UserWithSecret = Password.SelectMany(password =>
        Gen.Select(SecretForm(password), SecretForm(password), SecretForm(password), Gen.Bool, (inName, inUsername, inPlan, encoded) =>
        {
            var stored = encoded ? Convert.ToBase64String(Encoding.UTF8.GetBytes(password)) : password;
            Tree user = M(
                ("apiVersion", new Str("user.enmasse.io/v1beta1")),
                ("kind", new Str("MessagingUser")),
                ("metadata", M(("name", new Str("myspace." + inName)), ("namespace", new Str("team1")))),
                ("spec", M(
                    ("username", new Str(inUsername)),
                    ("plan", new Str(inPlan)),
                    ("authentication", M(("type", new Str("password")), ("password", new Str(stored)), (inName, new Str("x")))),
                    ("authorization", new Seq([M(("addresses", new Seq([new Str(inPlan)])), ("operations", new Seq([new Str(inUsername)])))])))));
            return (password, user);
        }));

    /// <summary>Text of one to three documents, in YAML or JSON, sometimes cut, spliced or preceded by an alias bomb.</summary>
    public static readonly Gen<(string Extension, byte[] Bytes)> File = Gen.Select(Object.Array[1, 3], Gen.Int[0, 3], Gen.Int[0, 9], Gen.Int[0, int.MaxValue], (objects, style, damage, at) =>
    {
        var json = style == 3;
        var text = json ? Json(objects[0]) : string.Join("\n---\n", objects.Select(o => Yaml(o, flow: style == 1, raw: style == 2)));
        if (!json && damage == 1)
        {
            text = Bomb + "\n---\n" + text;
        }

        text = damage switch
        {
            2 when text.Length > 0 => text[..(at % text.Length)],
            3 when text.Length > 0 => text.Insert(at % text.Length, Nasty[at % Nasty.Length].ToString()),
            4 when text.Length > 0 => text.Insert(at % text.Length, text[..(at % Math.Min(text.Length, 200))]),
            _ => text,
        };
        return (json ? ".json" : ".yaml", Encoding.UTF8.GetBytes(text));
    });

    /// <summary>Ten levels of ten aliases each: 10^10 nodes if a reader expanded them.</summary>
    private static readonly string Bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));

    private static Tree Nest(int depth)
    {
        Tree node = new Str("bottom");
        for (var i = 0; i < depth; i++)
        {
            node = M(("a", node));
        }

        return node;
    }

    public static string Json(Tree tree)
    {
        var text = new StringBuilder();
        WriteJson(tree, text);
        return text.ToString();
    }

    private static void WriteJson(Tree tree, StringBuilder text)
    {
        switch (tree)
        {
            case Str s:
                JsonString(s.Value, text);
                break;
            case Seq seq:
                text.Append('[');
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    WriteJson(seq.Items[i], text);
                }

                text.Append(']');
                break;
            case Map map:
                text.Append('{');
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    JsonString(map.Entries[i].Key, text);
                    text.Append(':');
                    WriteJson(map.Entries[i].Value, text);
                }

                text.Append('}');
                break;
        }
    }

    /// <summary>A JSON string; controls and every surrogate as \u escapes, so a half pair reaches the reader as written.</summary>
    private static void JsonString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c) || c is '\u007f')
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
    }

    /// <param name="raw">Strings unquoted where YAML may take them so: raw control characters reach the reader.</param>
    public static string Yaml(Tree tree, bool flow = false, bool raw = false)
    {
        var text = new StringBuilder();
        if (flow)
        {
            WriteFlow(tree, text, raw);
        }
        else
        {
            WriteBlock(tree, text, 0, raw);
        }

        return text.ToString();
    }

    private static void WriteFlow(Tree tree, StringBuilder text, bool raw)
    {
        switch (tree)
        {
            case Str s:
                YamlScalar(s.Value, text, raw);
                break;
            case Seq seq:
                text.Append('[').AppendJoin(", ", seq.Items.Select(i => Yaml(i, flow: true, raw))).Append(']');
                break;
            case Map map:
                text.Append('{').AppendJoin(", ", map.Entries.Select(e =>
                {
                    var entry = new StringBuilder();
                    YamlScalar(e.Key, entry, raw);
                    entry.Append(": ");
                    WriteFlow(e.Value, entry, raw);
                    return entry.ToString();
                })).Append('}');
                break;
        }
    }

    private static void WriteBlock(Tree tree, StringBuilder text, int indent, bool raw)
    {
        var pad = new string(' ', indent);
        switch (tree)
        {
            case Map { Entries.Count: > 0 } map:
                foreach (var (key, value) in map.Entries)
                {
                    text.Append(pad);
                    YamlScalar(key, text, raw);
                    text.Append(':');
                    if (value is Str s)
                    {
                        text.Append(' ');
                        YamlScalar(s.Value, text, raw);
                        text.Append('\n');
                    }
                    else if (indent > 200)
                    {
                        // Past some depth block style costs quadratic text: the rest goes in flow style.
                        text.Append(' ');
                        WriteFlow(value, text, raw);
                        text.Append('\n');
                    }
                    else
                    {
                        text.Append('\n');
                        WriteBlock(value, text, indent + 2, raw);
                    }
                }

                break;
            case Seq { Items.Count: > 0 } seq:
                foreach (var item in seq.Items)
                {
                    text.Append(pad).Append("- ");
                    WriteFlow(item, text, raw);
                    text.Append('\n');
                }

                break;
            default:
                text.Append(pad);
                WriteFlow(tree, text, raw);
                text.Append('\n');
                break;
        }
    }

    private static void YamlScalar(string value, StringBuilder text, bool raw)
    {
        if (raw && value.Length > 0 && value.All(c => c is not (':' or '#' or '{' or '}' or '[' or ']' or ',' or '"' or '\'' or '\n' or '\r')) && char.IsLetterOrDigit(value[0]))
        {
            text.Append(value);
            return;
        }

        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || c is '\u007f' || char.IsSurrogate(c) || c is >= '\u0080' and <= '\u009f')
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
    }
}

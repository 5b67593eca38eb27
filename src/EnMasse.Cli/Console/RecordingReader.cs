using System.Text;

namespace EnMasse.Cli.Console;

/// <summary>Standard input that remembers what was read from it, so mutate can edit the text the reader parsed.</summary>
internal sealed class RecordingReader(TextReader inner) : TextReader
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            _text.Append((char)c);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var n = inner.Read(buffer, index, count);
        _text.Append(buffer, index, n);
        return n;
    }

    public override string ReadToEnd()
    {
        var rest = inner.ReadToEnd();
        _text.Append(rest);
        return rest;
    }
}

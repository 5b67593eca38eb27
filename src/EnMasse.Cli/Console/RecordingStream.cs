using System.Text;

namespace EnMasse.Cli.Console;

/// <summary>Standard input that remembers the bytes read from it, so mutate can edit the text the reader parsed.</summary>
internal sealed class RecordingStream(Stream inner) : Stream
{
    private readonly MemoryStream _bytes = new();

    /// <summary>What was read, as text (a byte order mark left out, as the reader leaves it out).</summary>
    public string Text => Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length).TrimStart('\uFEFF');

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _bytes.Length; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _bytes.Write(buffer, offset, n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _bytes.Dispose();
        }

        base.Dispose(disposing);
    }
}

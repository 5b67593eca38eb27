using System.Buffers;
using EnMasse.Webhook.Hosting;
using Microsoft.AspNetCore.Http;

namespace EnMasse.Webhook.Tests.Hosting;

/// <summary>Request bodies read into pooled buffers: the limit is inclusive, and no body stays behind in the pool.</summary>
public sealed class RequestBodyTests
{
    /// <summary>A power of two: the size the pool's buffers come in, where a body of exactly the limit once read as one too many.</summary>
    private const int Limit = 64 * 1024;

    /// <summary>A chunked body (no Content-Length), read in pieces of odd sizes as a socket delivers it.</summary>
    private static HttpRequest Chunked(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new Trickle(body);
        return context.Request;
    }

    [Theory]
    [InlineData(Limit, false)]
    [InlineData(Limit + 1, true)]
    [InlineData(Limit - 1, false)]
    public async Task A_chunked_body_is_too_large_only_past_the_limit(int size, bool tooLarge)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
        using var body = await RequestBody.ReadAsync(Chunked(bytes), Limit, CancellationToken.None);
        Assert.Equal(tooLarge, body.TooLarge);
        if (!tooLarge)
        {
            Assert.True(body.Content.Span.SequenceEqual(bytes));
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(Limit)]
    [InlineData(3 * Limit)]
    public async Task Every_buffer_goes_back_to_the_pool_cleared(int size)
    {
        var pool = new WatchingPool();
        var secret = Enumerable.Repeat((byte)'s', size).ToArray();
        using (await RequestBody.ReadAsync(Chunked(secret), Limit, CancellationToken.None, pool))
        {
        }

        Assert.NotEmpty(pool.Returned);
        Assert.Equal(pool.Rented.Count, pool.Returned.Count);
        Assert.All(pool.Returned, buffer => Assert.DoesNotContain((byte)'s', buffer));
    }

    /// <summary>Hands out fresh arrays and keeps what comes back, to look at it.</summary>
    private sealed class WatchingPool : ArrayPool<byte>
    {
        public List<byte[]> Rented { get; } = [];

        public List<byte[]> Returned { get; } = [];

        public override byte[] Rent(int minimumLength)
        {
            var buffer = new byte[(int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)minimumLength))];
            Rented.Add(buffer);
            return buffer;
        }

        public override void Return(byte[] array, bool clearArray = false)
        {
            if (clearArray)
            {
                Array.Clear(array);
            }

            Returned.Add(array);
        }
    }

    private sealed class Trickle(byte[] bytes) : Stream
    {
        private int _at;
        private int _turn;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, bytes.Length - _at), 1000 + (_turn++ * 7919 % 9000));
            bytes.AsSpan(_at, n).CopyTo(buffer.AsSpan(offset));
            _at += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

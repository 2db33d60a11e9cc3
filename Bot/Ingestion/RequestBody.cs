using System.Buffers;

namespace ChatPost.Bot.Ingestion;

/// <summary>A request body read into a pooled buffer, up to a size limit. Dispose to return the buffer.</summary>
internal sealed class RequestBody : IDisposable
{
    private const int FirstChunk = 64 * 1024;

    private byte[]? _buffer;
    private int _length;

    private RequestBody(byte[] buffer, int length) => (_buffer, _length) = (buffer, length);

    /// <summary>The bytes read; empty once disposed.</summary>
    public ReadOnlyMemory<byte> Bytes => _buffer is null ? default : _buffer.AsMemory(0, _length);

    /// <summary>
    /// Reads the whole body, or stops as soon as it is longer than <paramref name="maxBytes"/> (or says so up front
    /// in Content-Length) and returns null: the caller answers 413.
    /// </summary>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? FirstChunk, maxBytes) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                var capacity = Math.Min(buffer.Length, maxBytes + 1);
                if (length == capacity)
                {
                    if (capacity > maxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    buffer = Grow(buffer, length, Math.Min(capacity * 2L, maxBytes + 1L));
                    continue;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken);
                if (read == 0)
                {
                    return new RequestBody(buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            (_buffer, _length) = (null, 0);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, long size)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)size);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}

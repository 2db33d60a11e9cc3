using System.Buffers;
using Newtonsoft.Json;

namespace ChatPost.Bot.Storage;

/// <summary>
/// Newtonsoft's readers and writers on <see cref="ArrayPool{T}.Shared"/>: without a pool, each one allocates its own
/// 1 KB+ character buffer, more than the state it reads.
/// </summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    private JsonCharPool()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}

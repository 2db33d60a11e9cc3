using Microsoft.Extensions.Caching.Memory;

namespace ChatPost.Bot.Storage;

/// <summary>The embedded twin of <see cref="RedisReplyCache"/>.</summary>
public sealed class MemoryReplyCache : IReplyCache, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly Lock _claimLock = new();

    /// <inheritdoc/>
    public Task<ReplyClaim> ClaimAsync(string channelId, string dedupeKey, CancellationToken cancellationToken)
    {
        var key = Key(channelId, dedupeKey);
        lock (_claimLock)
        {
            if (_cache.TryGetValue(key, out string? value))
            {
                return Task.FromResult(new ReplyClaim(false, value == ReplyCacheTimes.Pending ? null : value));
            }

            _cache.Set(key, ReplyCacheTimes.Pending, ReplyCacheTimes.Claim);
            return Task.FromResult(new ReplyClaim(true, null));
        }
    }

    /// <inheritdoc/>
    public Task CompleteAsync(string channelId, string dedupeKey, string reply, CancellationToken cancellationToken)
    {
        _cache.Set(Key(channelId, dedupeKey), reply, ReplyCacheTimes.Reply);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<string?> GetReplyAsync(string channelId, string dedupeKey, CancellationToken cancellationToken)
    {
        var value = _cache.Get<string>(Key(channelId, dedupeKey));
        return Task.FromResult(value == ReplyCacheTimes.Pending ? null : value);
    }

    public void Dispose() => _cache.Dispose();

    private static string Key(string channelId, string dedupeKey) => channelId + ":" + dedupeKey;
}

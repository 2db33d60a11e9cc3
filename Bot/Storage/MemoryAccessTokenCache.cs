using System.Collections.Concurrent;

namespace ChatPost.Bot.Storage;

/// <summary>The embedded twin of <see cref="RedisAccessTokenCache"/>.</summary>
public sealed class MemoryAccessTokenCache(TimeProvider time) : IAccessTokenCache
{
    private readonly ConcurrentDictionary<string, CachedAccessToken> _tokens = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<CachedAccessToken?> GetAsync(string account, CancellationToken cancellationToken) =>
        Task.FromResult(_tokens.TryGetValue(account, out var token) && token.ExpiresAt > time.GetUtcNow() ? token : null);

    /// <inheritdoc/>
    public Task SetAsync(string account, CachedAccessToken token, CancellationToken cancellationToken)
    {
        _tokens[account] = token;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task InvalidateAsync(string account, string rejectedToken, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(account, out var token) && token.Value == rejectedToken)
        {
            _tokens.TryRemove(new KeyValuePair<string, CachedAccessToken>(account, token));
        }

        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;

namespace ChatPost.Bot.Storage;

/// <summary>The embedded twin of <see cref="RedisDistributedLock"/>: one process, same semantics.</summary>
public sealed class MemoryDistributedLock(TimeProvider time) : IDistributedLock
{
    private readonly ConcurrentDictionary<string, Holder> _holders = new(StringComparer.Ordinal);
    private readonly LockTokens _tokens = new();

    /// <inheritdoc/>
    public Task<LockLease?> TryAcquireAsync(string name, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mine = new Holder(_tokens.Next(), now + timeToLive);
        while (true)
        {
            if (_holders.TryAdd(name, mine))
            {
                return Task.FromResult<LockLease?>(new LockLease(name, mine.Token, ReleaseAsync));
            }

            if (!_holders.TryGetValue(name, out var current))
            {
                continue;
            }

            if (current.ExpiresAt > now)
            {
                return Task.FromResult<LockLease?>(null);
            }

            // Expired: take it over only if nobody else did in between.
            if (_holders.TryUpdate(name, mine, current))
            {
                return Task.FromResult<LockLease?>(new LockLease(name, mine.Token, ReleaseAsync));
            }
        }
    }

    private Task ReleaseAsync(string name, string token)
    {
        if (_holders.TryGetValue(name, out var current) && current.Token == token)
        {
            _holders.TryRemove(new KeyValuePair<string, Holder>(name, current));
        }

        return Task.CompletedTask;
    }

    private sealed record Holder(string Token, DateTimeOffset ExpiresAt);
}

using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>SET NX PX to take a lock; a Lua compare-and-delete to release only our own lease.</summary>
public sealed class RedisDistributedLock(RedisConnection redis) : IDistributedLock
{
    /// <summary>Deletes KEYS[1] only while it still holds ARGV[1], our token.</summary>
    internal const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <inheritdoc/>
    public async Task<LockLease?> TryAcquireAsync(string name, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var taken = await redis.Database.StringSetAsync(RedisKeys.Lock(name), token, timeToLive, When.NotExists);
        return taken ? new LockLease(name, token, ReleaseAsync) : null;
    }

    /// <summary>The lease of a lock that a script took for us (SET NX PX on <see cref="RedisKeys.Lock"/> with <paramref name="token"/>).</summary>
    internal LockLease Adopt(string name, string token, Action? onRelease = null) => new(name, token, async (lockName, lockToken) =>
    {
        onRelease?.Invoke();
        await ReleaseAsync(lockName, lockToken);
    });

    private async Task ReleaseAsync(string name, string token) =>
        await redis.Database.ScriptEvaluateAsync(ReleaseScript, [RedisKeys.Lock(name)], [token]);
}

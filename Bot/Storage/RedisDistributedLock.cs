using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>SET NX PX to take a lock; a Lua compare-and-delete to release only our own lease.</summary>
public sealed class RedisDistributedLock(RedisConnection redis) : IDistributedLock
{
    private const string ReleaseScript = """
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

    private async Task ReleaseAsync(string name, string token) =>
        await redis.Database.ScriptEvaluateAsync(ReleaseScript, [RedisKeys.Lock(name)], [token]);
}

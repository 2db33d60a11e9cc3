using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>SET NX PX to take a lock; a Lua compare-and-delete to release only our own lease.</summary>
public sealed class RedisDistributedLock(RedisConnection redis) : IDistributedLock
{
    private readonly LockTokens _tokens = new();

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
        var token = NewToken();
        bool taken;
        try
        {
            taken = await redis.Database.StringSetAsync(RedisKeys.Lock(name), token, timeToLive, When.NotExists);
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            Undo(name, token);
            throw;
        }

        return taken ? new LockLease(name, token, ReleaseAsync) : null;
    }

    /// <summary>
    /// Frees the lock if a request whose answer never came took it with <paramref name="token"/>. Redis that hangs past
    /// the client's timeout still runs the request when it wakes, and the lock would then be held by nobody for its whole
    /// time to live, stalling every turn of its user; sent right behind the request on the same connection, this runs
    /// right after it. Fire and forget: while Redis is down it is dropped, and then the request never ran either.
    /// </summary>
    internal void Undo(string name, string token) =>
        redis.Database.ScriptEvaluate(ReleaseScript, [RedisKeys.Lock(name)], [token], CommandFlags.FireAndForget);

    /// <summary>A token for a lock that a script takes for us (<see cref="Adopt"/>).</summary>
    internal string NewToken() => _tokens.Next();

    /// <summary>The lease of a lock that a script took for us (SET NX PX on <see cref="RedisKeys.Lock"/> with <paramref name="token"/>).</summary>
    internal LockLease Adopt(string name, string token, Action? onRelease = null) => new(name, token, async (lockName, lockToken) =>
    {
        onRelease?.Invoke();
        await ReleaseAsync(lockName, lockToken);
    });

    private async Task ReleaseAsync(string name, string token) =>
        await redis.Database.ScriptEvaluateAsync(ReleaseScript, [RedisKeys.Lock(name)], [token]);
}

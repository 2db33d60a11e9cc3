using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary><see cref="IReplyCache"/> on Redis: one round trip to claim, shared by every replica.</summary>
public sealed class RedisReplyCache(RedisConnection redis) : IReplyCache
{
    // Returns nil when this caller claimed the message, otherwise the stored value (a reply or the pending marker).
    private const string ClaimScript = """
        local value = redis.call('GET', KEYS[1])
        if value then return value end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return nil
        """;

    private static readonly RedisValue ClaimMilliseconds = (long)ReplyCacheTimes.Claim.TotalMilliseconds;

    /// <inheritdoc/>
    public async Task<ReplyClaim> ClaimAsync(string channelId, string dedupeKey, CancellationToken cancellationToken)
    {
        var result = await redis.Database.ScriptEvaluateAsync(
            ClaimScript, [RedisKeys.Reply(channelId, dedupeKey)], [ReplyCacheTimes.Pending, ClaimMilliseconds]);
        if (result.IsNull)
        {
            return new ReplyClaim(true, null);
        }

        var value = (string?)result;
        return new ReplyClaim(false, value == ReplyCacheTimes.Pending ? null : value);
    }

    /// <inheritdoc/>
    public Task CompleteAsync(string channelId, string dedupeKey, string reply, CancellationToken cancellationToken) =>
        redis.Database.StringSetAsync(RedisKeys.Reply(channelId, dedupeKey), reply, ReplyCacheTimes.Reply);

    /// <inheritdoc/>
    public async Task<string?> GetReplyAsync(string channelId, string dedupeKey, CancellationToken cancellationToken)
    {
        var value = (string?)await redis.Database.StringGetAsync(RedisKeys.Reply(channelId, dedupeKey));
        return value == ReplyCacheTimes.Pending ? null : value;
    }
}

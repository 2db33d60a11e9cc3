using ChatPost.Bot.Dialogs.Privacy;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary><see cref="ILookupQuota"/> as a per-minute counter in Redis, shared by every replica: one round trip.</summary>
public sealed class RedisLookupQuota(RedisConnection redis, IOptions<LookupQuotaOptions> options, TimeProvider time) : ILookupQuota
{
    private const string TakeScript = """
        local used = redis.call('INCR', KEYS[1])
        if used == 1 then redis.call('EXPIRE', KEYS[1], 120) end
        return used
        """;

    /// <inheritdoc/>
    public async Task<bool> TryTakeAsync(string userId, CancellationToken cancellationToken)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        try
        {
            var used = (long)await redis.Database.ScriptEvaluateAsync(TakeScript, [RedisKeys.LookupQuota(userId, minute)]);
            return used <= options.Value.PerMinute;
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            // Open while Redis is down: the lookup itself cannot read records then either.
            return true;
        }
    }
}

using ChatPost.Bot.Dialogs.Privacy;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// <see cref="ILookupQuota"/> as a per-minute counter in Redis, shared by every replica: one round trip, or none when
/// the turn gate took the unit on the turn's way in (<see cref="PrefetchedState.TryTakeQuota"/>).
/// </summary>
public sealed class RedisLookupQuota(RedisConnection redis, PrefetchedState prefetched, IOptions<LookupQuotaOptions> options, TimeProvider time)
    : ILookupQuota
{
    /// <summary>
    /// Lua that takes one unit from the window whose key is in the local <c>window</c>, leaving the count in
    /// <c>used</c>; the key outlives its minute a little. Shared with the turn gate's entry script.
    /// </summary>
    internal const string TakeLua = """
        local used = redis.call('INCR', window)
        if used == 1 then redis.call('EXPIRE', window, 120) end
        """;

    private const string TakeScript = "local window = KEYS[1]\n" + TakeLua + "\nreturn used";

    // Never recreates an expired window: a DECR there would leave a key without expiry.
    private const string GiveBackScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('DECR', KEYS[1]) end
        return 1
        """;

    /// <summary>The window that a lookup by <paramref name="userId"/> counts in now, under the user's hash tag.</summary>
    internal static RedisKey Window(string userId, TimeProvider time) =>
        RedisKeys.LookupQuota(userId, time.GetUtcNow().ToUnixTimeSeconds() / 60);

    /// <inheritdoc/>
    public async Task<bool> TryTakeAsync(string userId, CancellationToken cancellationToken)
    {
        if (prefetched.TryTakeQuota(userId, out var taken))
        {
            return taken <= options.Value.PerMinute;
        }

        try
        {
            var used = (long)await redis.Database.ScriptEvaluateAsync(TakeScript, [Window(userId, time)]);
            return used <= options.Value.PerMinute;
        }
        catch (Exception exception) when (StorageFailure.IsUnavailable(exception))
        {
            // Open while Redis is down: the lookup itself cannot read records then either.
            return true;
        }
    }

    /// <summary>Gives back a unit that the turn gate took for a turn that then looked nothing up (fire and forget).</summary>
    internal static void GiveBack(IDatabase database, RedisKey window) =>
        database.ScriptEvaluate(GiveBackScript, [window], flags: CommandFlags.FireAndForget);
}

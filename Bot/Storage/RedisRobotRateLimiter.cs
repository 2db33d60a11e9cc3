using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// <see cref="IRobotRateLimiter"/> on Redis: one sorted set of send times per robot, trimmed, counted and
/// extended in one Lua script, so replicas racing for the last slot cannot both take it. Times come from the
/// caller's <see cref="TimeProvider"/> (replica clocks are NTP-synchronised; a skew of a few milliseconds moves
/// a slot by as much). The set expires a window after its newest send.
/// </summary>
public sealed class RedisRobotRateLimiter(RedisConnection redis, TimeProvider time) : IRobotRateLimiter
{
    // ARGV: now (ms), window (ms), limit, a member unique to this call.
    // Returns 0 when a slot was taken, otherwise the milliseconds until the send that blocks leaves the window:
    // with n sends in the window, n - limit + 1 must leave, so the (n - limit)-th oldest is the one to wait for.
    private const string AcquireScript = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local limit = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local count = redis.call('ZCARD', KEYS[1])
        if count < limit then
          redis.call('ZADD', KEYS[1], now, ARGV[4])
          redis.call('PEXPIRE', KEYS[1], window)
          return 0
        end
        local blocking = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
        local wait = tonumber(blocking[2]) + window - now
        if wait < 1 then wait = 1 end
        if wait > window then wait = window end
        return wait
        """;

    // Adds a full window's worth of sends at "now", so the next slot frees a whole window from now.
    private const string SaturateScript = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local limit = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        for i = 1, limit do
          redis.call('ZADD', KEYS[1], now, ARGV[4] .. ':' .. i)
        end
        redis.call('PEXPIRE', KEYS[1], window)
        return limit
        """;

    /// <inheritdoc/>
    public async Task<RobotRateDecision> TryAcquireAsync(string webhookKeyHash, int messagesPerMinute, CancellationToken cancellationToken)
    {
        RobotRateLimits.ThrowIfNotKeyHash(webhookKeyHash, messagesPerMinute);
        var wait = (long)await redis.Database.ScriptEvaluateAsync(AcquireScript, [RedisKeys.RobotSends(webhookKeyHash)], Arguments(messagesPerMinute));
        return wait == 0 ? RobotRateDecision.Admitted : RobotRateDecision.Refused(TimeSpan.FromMilliseconds(wait));
    }

    /// <inheritdoc/>
    public async Task MarkSaturatedAsync(string webhookKeyHash, int messagesPerMinute, CancellationToken cancellationToken)
    {
        RobotRateLimits.ThrowIfNotKeyHash(webhookKeyHash, messagesPerMinute);
        await redis.Database.ScriptEvaluateAsync(SaturateScript, [RedisKeys.RobotSends(webhookKeyHash)], Arguments(messagesPerMinute));
    }

    private RedisValue[] Arguments(int messagesPerMinute) =>
        [time.GetUtcNow().ToUnixTimeMilliseconds(), RobotRateLimits.WindowMilliseconds, messagesPerMinute, Guid.NewGuid().ToString("N")];
}

using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// <see cref="IAiRobotStreams"/> on Redis: one hash per stream (<c>s</c> state: <c>r</c>unning, <c>f</c>inished,
/// <c>c</c>losed, <c>d</c>elivered through the response_url; <c>c</c> content; <c>m</c> images; <c>t</c> start, Unix
/// ms; while it runs, <c>q</c> the turn to run again and <c>o</c> its owner's lease, Unix ms; <c>n</c> takeovers) and a
/// sorted set of its user's streams in flight. Both keys carry the user's hash tag, so that each script stays
/// in one slot on Redis Cluster. Times come from the replica's clock, as for every other key.
/// </summary>
public sealed class RedisAiRobotStreams(RedisConnection redis, TimeProvider time) : IAiRobotStreams
{
    // KEYS: stream, in flight. ARGV: now ms, retention ms, in flight until ms, limit, stream id, busy notice, turn, lease until ms.
    // Returns {0, state, content, images} for an existing stream, {1} for a new one, {2} when the user is busy.
    private const string ClaimScript = """
        local state = redis.call('HMGET', KEYS[1], 's', 'c', 'm')
        if state[1] then return {0, state[1], state[2], state[3]} end
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
          redis.call('HSET', KEYS[1], 's', 'f', 'c', ARGV[6], 't', ARGV[1])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return {2}
        end
        redis.call('HSET', KEYS[1], 's', 'r', 't', ARGV[1], 'q', ARGV[7], 'o', ARGV[8])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[5])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return {1}
        """;

    // KEYS: stream. ARGV: now ms, close after ms, lease ms. Returns nil for an unknown stream, else {state, content, images},
    // and for a running stream whose owner's lease ran out (taken over by this caller), also {attempt, turn}.
    private const string RefreshScript = """
        local state = redis.call('HMGET', KEYS[1], 's', 'c', 'm', 't', 'o')
        if not state[1] then return false end
        if state[1] ~= 'r' then return {state[1], state[2], state[3]} end
        local now = tonumber(ARGV[1])
        local result = {'r', state[2], state[3]}
        if state[5] and now >= tonumber(state[5]) then
          redis.call('HSET', KEYS[1], 'o', now + tonumber(ARGV[3]))
          result[4] = redis.call('HINCRBY', KEYS[1], 'n', 1)
          result[5] = redis.call('HGET', KEYS[1], 'q')
        end
        if now >= tonumber(state[4]) + tonumber(ARGV[2]) then
          redis.call('HSET', KEYS[1], 's', 'c')
          result[1] = 'c'
        end
        return result
        """;

    // KEYS: stream. ARGV: lease until ms. Returns 1 while the stream runs.
    private const string KeepScript = """
        if redis.call('HGET', KEYS[1], 's') ~= 'r' then return 0 end
        redis.call('HSET', KEYS[1], 'o', ARGV[1])
        return 1
        """;

    // KEYS: stream. ARGV: content.
    private const string UpdateScript = """
        if redis.call('HGET', KEYS[1], 's') == 'r' then redis.call('HSET', KEYS[1], 'c', ARGV[1]) end
        return 1
        """;

    // KEYS: stream, in flight. ARGV: content, images, stream id. Returns 1 when the stream shows the answer, 0 when the
    // caller must send it through the response_url (closed, or gone), 2 when it was finished already.
    private const string FinishScript = """
        redis.call('ZREM', KEYS[2], ARGV[3])
        local state = redis.call('HGET', KEYS[1], 's')
        if state == 'r' then
          redis.call('HSET', KEYS[1], 's', 'f', 'c', ARGV[1], 'm', ARGV[2])
          redis.call('HDEL', KEYS[1], 'q', 'o')
          return 1
        end
        if state == 'c' then
          redis.call('HSET', KEYS[1], 's', 'd', 'c', ARGV[1])
          redis.call('HDEL', KEYS[1], 'q', 'o')
          return 0
        end
        if not state then return 0 end
        return 2
        """;

    private static readonly RedisValue RetentionMs = (long)IAiRobotStreams.Retention.TotalMilliseconds;
    private static readonly RedisValue Limit = IAiRobotStreams.MaxInFlightPerUser;
    private static readonly long LeaseMs = (long)IAiRobotStreams.OwnerLease.TotalMilliseconds;

    /// <inheritdoc/>
    public async Task<AiRobotStreamClaim> ClaimAsync(AiRobotStreamKey stream, string busyNotice, string turn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)IAiRobotStreams.Lifetime.TotalMilliseconds;
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(ClaimScript,
            [RedisKeys.AiRobotStream(stream), RedisKeys.AiRobotInFlight(stream.UserId)],
            [now, RetentionMs, until, Limit, stream.StreamId, busyNotice, turn, now + LeaseMs]))!;
        return (int)result[0] switch
        {
            0 => new AiRobotStreamClaim(AiRobotClaimOutcome.Duplicate, State((string?)result[1], (string?)result[2], (string?)result[3])),
            1 => new AiRobotStreamClaim(AiRobotClaimOutcome.New),
            _ => new AiRobotStreamClaim(AiRobotClaimOutcome.Busy),
        };
    }

    /// <inheritdoc/>
    public async Task<AiRobotStreamState?> RefreshAsync(AiRobotStreamKey stream, TimeSpan closeAfter, CancellationToken cancellationToken)
    {
        var result = await redis.Database.ScriptEvaluateAsync(RefreshScript, [RedisKeys.AiRobotStream(stream)],
            [time.GetUtcNow().ToUnixTimeMilliseconds(), (long)closeAfter.TotalMilliseconds, LeaseMs]);
        if (result.IsNull)
        {
            return null;
        }

        var fields = (RedisResult[])result!;
        var state = State((string?)fields[0], (string?)fields[1], fields.Length > 2 ? (string?)fields[2] : null);
        return fields.Length > 4 && (string?)fields[4] is { } turn ? state with { Takeover = new AiRobotTakeover(turn, (int)fields[3]) } : state;
    }

    /// <inheritdoc/>
    public async Task<bool> KeepAsync(AiRobotStreamKey stream, CancellationToken cancellationToken) =>
        (int)await redis.Database.ScriptEvaluateAsync(KeepScript, [RedisKeys.AiRobotStream(stream)],
            [time.GetUtcNow().ToUnixTimeMilliseconds() + LeaseMs]) == 1;

    /// <inheritdoc/>
    public Task UpdateAsync(AiRobotStreamKey stream, string content, CancellationToken cancellationToken) =>
        redis.Database.ScriptEvaluateAsync(UpdateScript, [RedisKeys.AiRobotStream(stream)], [content]);

    /// <inheritdoc/>
    public async Task<bool> FinishAsync(AiRobotStreamKey stream, string content, string? images, CancellationToken cancellationToken) =>
        (int)await redis.Database.ScriptEvaluateAsync(FinishScript, [RedisKeys.AiRobotStream(stream), RedisKeys.AiRobotInFlight(stream.UserId)],
            [content, images ?? "", stream.StreamId]) != 0;

    /// <inheritdoc/>
    /// <remarks>Fire and forget, as the turn gate's closing script: the answer to WeCom does not wait for it.</remarks>
    public Task CompleteAsync(AiRobotStreamKey stream, string content, string? images) =>
        redis.Database.ScriptEvaluateAsync(FinishScript, [RedisKeys.AiRobotStream(stream), RedisKeys.AiRobotInFlight(stream.UserId)],
            [content, images ?? "", stream.StreamId], CommandFlags.FireAndForget);

    private static AiRobotStreamState State(string? state, string? content, string? images) => new(
        state switch
        {
            "f" => AiRobotStreamStatus.Finished,
            "c" or "d" => AiRobotStreamStatus.Closed,
            _ => AiRobotStreamStatus.Running,
        },
        content ?? "",
        string.IsNullOrEmpty(images) ? null : images);
}

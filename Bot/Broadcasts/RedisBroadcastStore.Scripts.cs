namespace ChatPost.Bot.Broadcasts;

public sealed partial class RedisBroadcastStore
{
    // KEYS: idempotency, broadcast, state, deliveries, stream, scheduled, scheduled-by, audit, remaining, recent
    // ARGV: id, json, ttl, hasIdempotencyKey, atMs or '', createdMs, hasManager, pendingJson, auditJson, auditLength, groupIds...
    // Returns the id of the broadcast that owns the idempotency key: ours when we created it.
    private const string CreateScript = """
        if ARGV[4] == '1' then
          local existing = redis.call('GET', KEYS[1])
          if existing then return existing end
          redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
        end
        redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
        for i = 11, #ARGV do redis.call('HSET', KEYS[4], ARGV[i], ARGV[8]) end
        redis.call('EXPIRE', KEYS[4], ARGV[3])
        redis.call('SET', KEYS[9], #ARGV - 10, 'EX', ARGV[3])
        if ARGV[5] ~= '' then
          redis.call('SET', KEYS[3], 'scheduled', 'EX', ARGV[3])
          redis.call('ZADD', KEYS[6], ARGV[5], ARGV[1])
          if ARGV[7] == '1' then redis.call('ZADD', KEYS[7], ARGV[6], ARGV[1]) end
        else
          redis.call('SET', KEYS[3], 'sending', 'EX', ARGV[3])
          for i = 11, #ARGV do redis.call('XADD', KEYS[5], '*', 'p', ARGV[1] .. '|' .. ARGV[i]) end
        end
        redis.call('XADD', KEYS[8], 'MAXLEN', '~', ARGV[10], '*', 'e', ARGV[9])
        redis.call('ZADD', KEYS[10], ARGV[6], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[10], '-inf', '(' .. (tonumber(ARGV[6]) - tonumber(ARGV[3]) * 1000))
        return ARGV[1]
        """;

    // KEYS: deliveries, final, remaining. ARGV: group, json, isFinal, ttl. Returns the deliveries not final yet;
    // a group's first final state counts once, so a delivery finished twice (a takeover) cannot end a broadcast early.
    private const string SaveDeliveryScript = """
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        if ARGV[3] == '1' and redis.call('HSETNX', KEYS[2], ARGV[1], 1) == 1 then
          redis.call('EXPIRE', KEYS[2], ARGV[4])
          return redis.call('DECR', KEYS[3])
        end
        return tonumber(redis.call('GET', KEYS[3]) or '-1')
        """;

    // KEYS: state, deliveries, stream, scheduled, scheduled-by. ARGV: id. Returns 1 when released.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) ~= 'scheduled' then return 0 end
        redis.call('SET', KEYS[1], 'sending', 'KEEPTTL')
        for _, group in ipairs(redis.call('HKEYS', KEYS[2])) do redis.call('XADD', KEYS[3], '*', 'p', ARGV[1] .. '|' .. group) end
        redis.call('ZREM', KEYS[4], ARGV[1])
        redis.call('ZREM', KEYS[5], ARGV[1])
        return 1
        """;

    // KEYS: state, scheduled, scheduled-by, audit. ARGV: id, auditJson, auditLength. Returns 1 when cancelled.
    private const string CancelScript = """
        if redis.call('GET', KEYS[1]) ~= 'scheduled' then return 0 end
        redis.call('SET', KEYS[1], 'cancelled', 'KEEPTTL')
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZREM', KEYS[3], ARGV[1])
        redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', 'e', ARGV[2])
        return 1
        """;
}

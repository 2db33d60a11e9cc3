namespace ChatPost.Bot.Ingestion;

/// <summary>
/// The Lua behind <see cref="RedisIngestionStore"/>'s writes. Each call applies several records in order, each with
/// its indexes and counters, atomically; it returns one integer per record: 1 new, 0 duplicate, 2 superseded.
/// </summary>
internal static class RedisIngestionScripts
{
    /// <summary>Values before the per-record ones of <see cref="AddShipmentEvents"/>.</summary>
    public const int ShipmentHeader = 3;

    /// <summary>Keys per record of <see cref="AddShipmentEvents"/>.</summary>
    public const int ShipmentKeys = 4;

    /// <summary>Values per record of <see cref="AddShipmentEvents"/>.</summary>
    public const int ShipmentValues = 7;

    /// <summary>
    /// KEYS per record: shipment hash, the event's day counters, its week counters, receiver-phone index (the shipment
    /// hash again when the event names no phone). ARGV: shipment TTL s, counter TTL s, index cap; then per record:
    /// status ordinal, time (Unix ms), counter field, latest-event JSON, tracking number, phone or '', application
    /// number or ''.
    /// </summary>
    /// <remarks>
    /// Shipment hash fields: <c>n</c> distinct events; <c>lt</c>, <c>ls</c>, <c>l</c> the latest event's time, status
    /// and JSON; <c>p</c>, <c>a</c> the last phone and application number seen; <c>e{status}:{ms}</c> one marker per
    /// distinct event; <c>f{status}</c> = <c>{ms}|{day}|{monday}|{field}</c>, the earliest event of that status, which
    /// is the one counted. Times are compared as numbers but written back from ARGV (Lua prints big numbers as floats).
    /// </remarks>
    public const string AddShipmentEvents = """
        local shipTtl, counterTtl, cap = ARGV[1], ARGV[2], tonumber(ARGV[3])
        local function count(key, field, by)
          if redis.call('HINCRBY', key, field, by) <= 0 then
            redis.call('HDEL', key, field)
          else
            redis.call('EXPIRE', key, counterTtl)
          end
        end
        local out = {}
        for r = 0, #KEYS / 4 - 1 do
          local ship, day, week, phoneIndex = KEYS[r * 4 + 1], KEYS[r * 4 + 2], KEYS[r * 4 + 3], KEYS[r * 4 + 4]
          local a = 3 + r * 7
          local status, time, field = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3]
          if redis.call('HSETNX', ship, 'e' .. status .. ':' .. time, '') == 0 then
            out[r + 1] = 0
          else
            local t, s = tonumber(time), tonumber(status)
            redis.call('HINCRBY', ship, 'n', 1)
            local latest = redis.call('HMGET', ship, 'lt', 'ls')
            local lt = tonumber(latest[1])
            if not lt or t > lt or (t == lt and s > tonumber(latest[2])) then
              redis.call('HSET', ship, 'lt', time, 'ls', status, 'l', ARGV[a + 4])
            end
            if ARGV[a + 6] ~= '' then
              redis.call('HSET', ship, 'p', ARGV[a + 6])
              redis.call('ZADD', phoneIndex, 'GT', time, ARGV[a + 5])
              redis.call('ZREMRANGEBYRANK', phoneIndex, 0, -cap - 1)
              redis.call('EXPIRE', phoneIndex, shipTtl)
            end
            if ARGV[a + 7] ~= '' then
              redis.call('HSET', ship, 'a', ARGV[a + 7])
            end
            local first = redis.call('HGET', ship, 'f' .. status)
            local ft, fday, fweek, ffield
            if first then
              ft, fday, fweek, ffield = string.match(first, '^(%d+)|([^|]+)|([^|]+)|(.*)$')
            end
            if not first or t < tonumber(ft) then
              local dayText, weekText = string.sub(day, -10), string.sub(week, -10)
              redis.call('HSET', ship, 'f' .. status, time .. '|' .. dayText .. '|' .. weekText .. '|' .. field)
              if not first or fday ~= dayText or ffield ~= field then
                if first then
                  -- An earlier event of this status arrived late: the count moves to it. Counter keys end with their
                  -- date, so swapping the date reaches the older day and week under the same prefix and hash tag.
                  count(string.sub(day, 1, -11) .. fday, ffield, -1)
                  count(string.sub(week, 1, -11) .. fweek, ffield, -1)
                end
                count(day, field, 1)
                count(week, field, 1)
              end
            end
            redis.call('EXPIRE', ship, shipTtl)
            out[r + 1] = 1
          end
        end
        return out
        """;

    /// <summary>Values before the per-record ones of <see cref="AddInvoiceApplications"/>.</summary>
    public const int InvoiceHeader = 2;

    /// <summary>Keys per record of <see cref="AddInvoiceApplications"/>.</summary>
    public const int InvoiceKeys = 2;

    /// <summary>Values per record of <see cref="AddInvoiceApplications"/>.</summary>
    public const int InvoiceValues = 4;

    /// <summary>
    /// KEYS per record: application hash, taxpayer index. ARGV: TTL s, index cap; then per record: time (Unix ms),
    /// status ordinal, application JSON, application number. Hash fields: <c>t</c>, <c>s</c>, <c>v</c>.
    /// </summary>
    public const string AddInvoiceApplications = """
        local ttl, cap = ARGV[1], tonumber(ARGV[2])
        local out = {}
        for r = 0, #KEYS / 2 - 1 do
          local application, taxpayer = KEYS[r * 2 + 1], KEYS[r * 2 + 2]
          local a = 2 + r * 4
          local time, status = ARGV[a + 1], ARGV[a + 2]
          local t, s = tonumber(time), tonumber(status)
          local current = redis.call('HMGET', application, 't', 's')
          local ct, cs = tonumber(current[1]), tonumber(current[2])
          if ct and t == ct and s == cs then
            out[r + 1] = 0
          elseif ct and (t < ct or (t == ct and s < cs)) then
            out[r + 1] = 2
          else
            redis.call('HSET', application, 't', time, 's', status, 'v', ARGV[a + 3])
            redis.call('EXPIRE', application, ttl)
            redis.call('ZADD', taxpayer, 'GT', time, ARGV[a + 4])
            redis.call('ZREMRANGEBYRANK', taxpayer, 0, -cap - 1)
            redis.call('EXPIRE', taxpayer, ttl)
            out[r + 1] = 1
          end
        end
        return out
        """;
}

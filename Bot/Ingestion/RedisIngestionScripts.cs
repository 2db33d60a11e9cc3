namespace ChatPost.Bot.Ingestion;

/// <summary>
/// The Lua behind <see cref="RedisIngestionStore"/>'s writes. Each call applies several records in order, each with
/// its indexes and counters, atomically; it returns one outcome per record: 1 new, 0 duplicate, 2 superseded. When a
/// record is (or repeats) its item's latest state in a status watchers are told of, and someone watches the item, the
/// outcome is an array instead: the number, then the watchers' user ids. A repeat counts, so that a batch sent again
/// after its notifications were lost queues them again (the notifications themselves tell each state once).
/// </summary>
internal static class RedisIngestionScripts
{
    // A record's outcome, with its item's watchers when it is a state they are told of. Whether anyone watches is the
    // item's own field w (RedisWatchRecords sets it with the watcher set), read with the fields the scripts read anyway,
    // so that an item nobody watches costs no command and no key more than before watches existed. The watcher set's key
    // is the record's with its part swapped (RedisKeys.Watchers), as the counters reach an older day's key: same prefix,
    // same hash tag. Upvalues from the header: notifiable (",2,3,", the statuses told of), recordPart, watcherPart.
    private const string Told = """
        local function told(outcome, watched, status, record, id)
          if not watched or not string.find(notifiable, ',' .. status .. ',', 1, true) then return outcome end
          local users = redis.call('SMEMBERS', string.sub(record, 1, #record - #recordPart - #id) .. watcherPart .. id)
          if #users == 0 then return outcome end
          table.insert(users, 1, outcome)
          return users
        end
        """;

    /// <summary>Values before the per-record ones of <see cref="AddShipmentEvents"/>.</summary>
    public const int ShipmentHeader = 6;

    /// <summary>Keys per record of <see cref="AddShipmentEvents"/>.</summary>
    public const int ShipmentKeys = 4;

    /// <summary>Values per record of <see cref="AddShipmentEvents"/>.</summary>
    public const int ShipmentValues = 7;

    /// <summary>
    /// KEYS per record: shipment hash, the event's day counters, its week counters, receiver-phone index (the shipment
    /// hash again when the event names no phone). ARGV: shipment TTL s, counter TTL s, index cap, the statuses watchers are
    /// told of (<c>,2,3,</c>), the shipment key's part before the number, the watcher set's; then per record:
    /// status ordinal, time (Unix ms), counter field, latest-event JSON, tracking number, phone or '', application
    /// number or ''.
    /// </summary>
    /// <remarks>
    /// Shipment hash fields: <c>n</c> distinct events; <c>lt</c>, <c>ls</c>, <c>l</c> the latest event's time, status
    /// and JSON; <c>p</c>, <c>a</c> the last phone and application number seen; <c>e{status}:{ms}</c> one marker per
    /// distinct event; <c>f{status}</c> = <c>{ms}|{day}|{monday}|{field}</c>, the earliest event of that status, which
    /// is the one counted; <c>w</c> while someone watches it. Times are compared as numbers but written back from ARGV (Lua
    /// prints big numbers as floats).
    /// </remarks>
    public const string AddShipmentEvents = """
        local shipTtl, counterTtl, cap = ARGV[1], ARGV[2], tonumber(ARGV[3])
        local notifiable, recordPart, watcherPart = ARGV[4], ARGV[5], ARGV[6]
        local function count(key, field, by)
          if redis.call('HINCRBY', key, field, by) <= 0 then
            redis.call('HDEL', key, field)
          else
            redis.call('EXPIRE', key, counterTtl)
          end
        end
        """ + "\n" + Told + "\n" + """

        local out = {}
        for r = 0, #KEYS / 4 - 1 do
          local ship, day, week, phoneIndex = KEYS[r * 4 + 1], KEYS[r * 4 + 2], KEYS[r * 4 + 3], KEYS[r * 4 + 4]
          local a = 6 + r * 7
          local status, time, field = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3]
          if redis.call('HSETNX', ship, 'e' .. status .. ':' .. time, '') == 0 then
            out[r + 1] = 0
            if string.find(notifiable, ',' .. status .. ',', 1, true) then
              -- A repeat of the latest state: its watchers are named again (a status nobody is told of costs nothing).
              local latest = redis.call('HMGET', ship, 'lt', 'ls', 'w')
              if latest[1] == time and latest[2] == status then out[r + 1] = told(0, latest[3], status, ship, ARGV[a + 5]) end
            end
          else
            local t, s = tonumber(time), tonumber(status)
            redis.call('HINCRBY', ship, 'n', 1)
            local latest = redis.call('HMGET', ship, 'lt', 'ls', 'w')
            local lt = tonumber(latest[1])
            local isLatest = not lt or t > lt or (t == lt and s > tonumber(latest[2]))
            if isLatest then
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
            if isLatest then out[r + 1] = told(1, latest[3], status, ship, ARGV[a + 5]) end
          end
        end
        return out
        """;

    /// <summary>Values before the per-record ones of <see cref="AddInvoiceApplications"/>.</summary>
    public const int InvoiceHeader = 5;

    /// <summary>Keys per record of <see cref="AddInvoiceApplications"/>.</summary>
    public const int InvoiceKeys = 2;

    /// <summary>Values per record of <see cref="AddInvoiceApplications"/>.</summary>
    public const int InvoiceValues = 4;

    /// <summary>
    /// KEYS per record: application hash, taxpayer index. ARGV: TTL s, index cap, the statuses watchers are told of, the
    /// application key's part before the number, the watcher set's; then per record: time (Unix ms), status ordinal,
    /// application JSON, application number. Hash fields: <c>t</c>, <c>s</c>, <c>v</c>; <c>w</c> while someone watches it.
    /// </summary>
    public const string AddInvoiceApplications = """
        local ttl, cap = ARGV[1], tonumber(ARGV[2])
        local notifiable, recordPart, watcherPart = ARGV[3], ARGV[4], ARGV[5]
        """ + "\n" + Told + "\n" + """

        local out = {}
        for r = 0, #KEYS / 2 - 1 do
          local application, taxpayer = KEYS[r * 2 + 1], KEYS[r * 2 + 2]
          local a = 5 + r * 4
          local time, status = ARGV[a + 1], ARGV[a + 2]
          local t, s = tonumber(time), tonumber(status)
          local current = redis.call('HMGET', application, 't', 's', 'w')
          local ct, cs = tonumber(current[1]), tonumber(current[2])
          if ct and t == ct and s == cs then
            out[r + 1] = 0
            out[r + 1] = told(0, current[3], status, application, ARGV[a + 4])
          elseif ct and (t < ct or (t == ct and s < cs)) then
            out[r + 1] = 2
          else
            redis.call('HSET', application, 't', time, 's', status, 'v', ARGV[a + 3])
            redis.call('EXPIRE', application, ttl)
            redis.call('ZADD', taxpayer, 'GT', time, ARGV[a + 4])
            redis.call('ZREMRANGEBYRANK', taxpayer, 0, -cap - 1)
            redis.call('EXPIRE', taxpayer, ttl)
            out[r + 1] = 1
            out[r + 1] = told(1, current[3], status, application, ARGV[a + 4])
          end
        end
        return out
        """;
}

using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// What <see cref="RedisTurnGate"/> read on a turn's way in, waiting for the turn's own read, which then needs no round
/// trip: the conversation's state (for <see cref="RedisStorage"/>), and for a message that names
/// tracking numbers the lookup quota it took and the shipments (for <see cref="RedisLookupQuota"/> and the shipment
/// lookup). Each item is served once and forgotten when the turn ends (its lock is released, or a one-step answer's turn,
/// which holds none, leaves), so it can never be served to a later turn. While the user's turn lock is held no one else
/// writes that state, so the item is as current as a read at that moment would be.
/// </summary>
/// <param name="time">The clock that ages what a turn holds; the system's when null.</param>
public sealed class PrefetchedState(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lookups> _lookups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<RedisValue[]>> _shipments = new(StringComparer.Ordinal);

    /// <summary>What was stored under a key: its eTag and JSON, both null when nothing was.</summary>
    public readonly record struct Item(string? ETag, string? Json);

    /// <summary>Everything held, of every kind.</summary>
    public int Count => _items.Count + _lookups.Count + _shipments.Count;

    public void Put(string storageKey, Item item) => _items[storageKey] = item;

    public bool TryTake(string storageKey, out Item item) => _items.TryRemove(storageKey, out item);

    public void Forget(string storageKey) => _items.TryRemove(storageKey, out _);

    /// <summary>
    /// The lookups a user's turn (<paramref name="turn"/>, what tells it from the user's other turns) is expected to make:
    /// one unit of the lookup quota already taken (<paramref name="quotaUsed"/> is the window's count after it, under
    /// <paramref name="quotaKey"/>), and the summary reads of the shipments, by normalised tracking number. False, and
    /// nothing kept, while another turn of the user holds its own (two one-step answers at once, or one beside a turn) and
    /// is not older than a turn may run (a turn that never ended must not keep its user's later turns from being read for).
    /// </summary>
    public bool TryPutLookups(string userId, string turn, RedisKey quotaKey, long quotaUsed,
        IReadOnlyList<(string TrackingNo, Task<RedisValue[]> Read)> shipments)
    {
        ArgumentNullException.ThrowIfNull(shipments);
        var lookups = new Lookups(turn, _time.GetTimestamp(), quotaKey, quotaUsed, shipments);
        if (!_lookups.TryAdd(userId, lookups)
            && !(_lookups.TryGetValue(userId, out var held) && _time.GetElapsedTime(held.Since) > TurnGateTimes.TurnLock
                && _lookups.TryUpdate(userId, lookups, held)))
        {
            return false;
        }

        foreach (var (trackingNo, read) in shipments)
        {
            _shipments[trackingNo] = read;
        }

        return true;
    }

    /// <summary>The quota unit taken for the user's turn, once: <paramref name="used"/> is the window's count with it.</summary>
    public bool TryTakeQuota(string userId, out long used)
    {
        if (_lookups.TryGetValue(userId, out var lookups) && lookups.TryTakeQuota())
        {
            used = lookups.QuotaUsed;
            return true;
        }

        used = 0;
        return false;
    }

    /// <summary>
    /// The summary read of a shipment (its fields as <c>HMGET</c> returns them), once. Shipments are not per user:
    /// whichever turn asks for the number first within the reading turn's time gets it.
    /// </summary>
    public bool TryTakeShipment(string trackingNo, out Task<RedisValue[]> read) => _shipments.TryRemove(trackingNo, out read!);

    /// <summary>
    /// Forgets what the user's turn <paramref name="turn"/> did not use (nothing when the lookups held are another turn's).
    /// Returns the quota key when the unit taken for the turn went unused (the forecast was wrong: the turn looked nothing
    /// up), for the caller to give it back.
    /// </summary>
    public RedisKey? ForgetLookups(string userId, string turn)
    {
        if (!_lookups.TryGetValue(userId, out var lookups) || lookups.Turn != turn
            || !_lookups.TryRemove(new KeyValuePair<string, Lookups>(userId, lookups)))
        {
            return null;
        }

        foreach (var shipment in lookups.Shipments)
        {
            // Only this turn's read: another user's turn may have put the same number since.
            _shipments.TryRemove(new KeyValuePair<string, Task<RedisValue[]>>(shipment.TrackingNo, shipment.Read));
        }

        return lookups.TryTakeQuota() ? lookups.QuotaKey : (RedisKey?)null;
    }

    private sealed class Lookups(string turn, long since, RedisKey quotaKey, long quotaUsed,
        IReadOnlyList<(string TrackingNo, Task<RedisValue[]> Read)> shipments)
    {
        private int _quotaTaken;

        public string Turn => turn;

        /// <summary>When it was kept (a <see cref="TimeProvider"/> timestamp).</summary>
        public long Since => since;

        public RedisKey QuotaKey => quotaKey;

        public long QuotaUsed => quotaUsed;

        public IReadOnlyList<(string TrackingNo, Task<RedisValue[]> Read)> Shipments => shipments;

        public bool TryTakeQuota() => Interlocked.Exchange(ref _quotaTaken, 1) == 0;
    }
}

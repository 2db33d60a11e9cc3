using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// What <see cref="RedisTurnGate"/> read on a turn's way in, waiting for the turn's own read, which then needs no round
/// trip: the conversation's state (for <see cref="RedisStorage"/>), and for a message that names
/// tracking numbers the lookup quota it took and the shipments (for <see cref="RedisLookupQuota"/> and the shipment
/// lookup). Each item is served once and forgotten when the turn's lock is released, so it can never be served to a
/// later turn. While the user's turn lock is held no one else writes that state, so the item is as current as a read
/// at that moment would be.
/// </summary>
public sealed class PrefetchedState
{
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
    /// The lookups a user's turn is expected to make: one unit of the lookup quota already taken (<paramref name="quotaUsed"/>
    /// is the window's count after it, under <paramref name="quotaKey"/>), and the summary reads of the shipments,
    /// by normalised tracking number.
    /// </summary>
    public void PutLookups(string userId, RedisKey quotaKey, long quotaUsed, IReadOnlyList<(string TrackingNo, Task<RedisValue[]> Read)> shipments)
    {
        ArgumentNullException.ThrowIfNull(shipments);
        foreach (var (trackingNo, read) in shipments)
        {
            _shipments[trackingNo] = read;
        }

        _lookups[userId] = new Lookups(quotaKey, quotaUsed, shipments);
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
    /// Forgets what the user's turn did not use. Returns the quota key when the unit taken for the turn went unused (the
    /// forecast was wrong: the turn looked nothing up), for the caller to give it back.
    /// </summary>
    public RedisKey? ForgetLookups(string userId)
    {
        if (!_lookups.TryRemove(userId, out var lookups))
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

    private sealed class Lookups(RedisKey quotaKey, long quotaUsed, IReadOnlyList<(string TrackingNo, Task<RedisValue[]> Read)> shipments)
    {
        private int _quotaTaken;

        public RedisKey QuotaKey => quotaKey;

        public long QuotaUsed => quotaUsed;

        public IReadOnlyList<(string TrackingNo, Task<RedisValue[]> Read)> Shipments => shipments;

        public bool TryTakeQuota() => Interlocked.Exchange(ref _quotaTaken, 1) == 0;
    }
}

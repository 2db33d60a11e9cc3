using System.Globalization;
using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Ingestion;
using ChatPost.Bot.Storage;

namespace ChatPost.Bot.Notifications;

/// <summary>
/// The embedded twin of <see cref="RedisWatchRecords"/>: the same records under one lock, lost on restart. It also does
/// what Redis scripts do there: stamps users' messages for the embedded turn gate, and names an item's watchers to the
/// embedded ingestion store.
/// </summary>
internal sealed class MemoryWatchRecords(TimeProvider time) : IWatchRecords, IUserMessageStamp, IWatcherIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, string>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _watchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Offer, DateTimeOffset Until)> _offers = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<T> UpdateAsync<T>(string userId, Func<UserWatches, T> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var record = UserWatches.From(_records.GetValueOrDefault(userId) ?? []);
            var result = change(record);
            if (record.IsEmpty)
            {
                _records.Remove(userId);
            }
            else if (record.Changes.Count > 0)
            {
                var fields = _records.TryGetValue(userId, out var stored) ? stored : _records[userId] = new(StringComparer.Ordinal);
                foreach (var (field, value) in record.Changes)
                {
                    if (value is null)
                    {
                        fields.Remove(field);
                    }
                    else
                    {
                        fields[field] = value;
                    }
                }
            }

            return Task.FromResult(result);
        }
    }

    /// <inheritdoc/>
    public Task<UserWatches> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(UserWatches.From([.. _records.GetValueOrDefault(userId) ?? []]));
        }
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.Remove(userId);
            _offers.Remove(userId);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public Task IndexAsync(WatchedItem item, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            (_watchers.TryGetValue(item.Key, out var users) ? users : _watchers[item.Key] = new(StringComparer.Ordinal)).Add(userId);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public Task UnindexAsync(WatchedItem item, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        lock (_gate)
        {
            if (_watchers.TryGetValue(item.Key, out var users))
            {
                users.ExceptWith(userIds);
                if (users.Count == 0)
                {
                    _watchers.Remove(item.Key);
                }
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public Task SetOfferAsync(string userId, string offer, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _offers[userId] = (offer, time.GetUtcNow() + lifetime);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public Task<string?> GetOfferAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_offers.TryGetValue(userId, out var offer) && offer.Until > time.GetUtcNow() ? offer.Offer : null);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> WatchersOf(WatchedItem item)
    {
        lock (_gate)
        {
            return _watchers.TryGetValue(item.Key, out var users) ? [.. users] : [];
        }
    }

    /// <inheritdoc/>
    public bool Stamp(string userId, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(userId, out var fields))
            {
                return false;
            }

            fields[UserWatches.SeenField] = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            fields[UserWatches.SentField] = "0";
            return fields.ContainsKey(UserWatches.DeferredField);
        }
    }
}

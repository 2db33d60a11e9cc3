using ChatPost.Bot.Dialogs.Features.Notifications;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Notifications;

/// <summary>
/// <see cref="IWatchRecords"/> in Redis, shared by replicas. A user's record is a hash under the user's hash tag (the turn
/// gate's entry script stamps it); an item's watchers are a set under <c>{postal}</c>, read by the ingestion scripts with
/// the item (flagged in the item's record). A write is a transaction on the condition that the record's version and stamp
/// are still as read.
/// </summary>
internal sealed class RedisWatchRecords(RedisConnection redis, IOptions<NotificationOptions> options) : IWatchRecords
{
    private const int MaxAttempts = 20;

    // KEYS: the item's watcher set, the item's record. ARGV: user, seconds to keep. The record's field w tells the ingestion
    // scripts that someone watches, among the fields they read anyway. A record not ingested yet (a parcel about to be
    // mailed) is made with that field alone, and kept as long as the set; ingestion gives it its own lifetime.
    private const string IndexScript = """
        redis.call('SADD', KEYS[1], ARGV[1])
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        redis.call('HSET', KEYS[2], 'w', 1)
        if redis.call('TTL', KEYS[2]) == -1 then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
        return 1
        """;

    // KEYS: the item's watcher set, the item's record. ARGV: the users. The last watcher gone, the record's field goes too.
    private const string UnindexScript = """
        redis.call('SREM', KEYS[1], unpack(ARGV))
        if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('HDEL', KEYS[2], 'w') end
        return 1
        """;

    // Kept a little longer than the longest watch, so that a watch's own lifetime, not the key's, ends it.
    private readonly TimeSpan _timeToLive = options.Value.WatchLifetime + TimeSpan.FromDays(2);

    private IDatabase Database => redis.Database;

    /// <inheritdoc/>
    public async Task<T> UpdateAsync<T>(string userId, Func<UserWatches, T> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = RedisKeys.Notifications(userId);
        for (var attempt = 1; ; attempt++)
        {
            var record = await ReadAsync(userId, cancellationToken);
            var result = change(record);
            if (record.Changes.Count == 0)
            {
                return result;
            }

            var transaction = Database.CreateTransaction();
            transaction.AddCondition(FieldIs(key, UserWatches.VersionField, record.ReadVersion));
            transaction.AddCondition(FieldIs(key, UserWatches.SeenField, record.ReadSeen));
            if (record.IsEmpty)
            {
                _ = transaction.KeyDeleteAsync(key);
            }
            else
            {
                var written = record.Changes.Where(field => field.Value is not null).Select(field => new HashEntry(field.Key, field.Value)).ToArray();
                var deleted = record.Changes.Where(field => field.Value is null).Select(field => (RedisValue)field.Key).ToArray();
                _ = transaction.HashSetAsync(key, written);
                if (deleted.Length > 0)
                {
                    _ = transaction.HashDeleteAsync(key, deleted);
                }

                _ = transaction.KeyExpireAsync(key, _timeToLive);
            }

            if (await transaction.ExecuteAsync())
            {
                return result;
            }

            if (attempt == MaxAttempts)
            {
                throw new StorageConflictException(key.ToString());
            }
        }
    }

    /// <inheritdoc/>
    public async Task<UserWatches> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var fields = await Database.HashGetAllAsync(RedisKeys.Notifications(userId)).WaitAsync(cancellationToken);
        return UserWatches.From(fields.Select(field => KeyValuePair.Create((string)field.Name!, (string)field.Value!)));
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string userId, CancellationToken cancellationToken) =>
        Database.KeyDeleteAsync([RedisKeys.Notifications(userId), RedisKeys.NotificationOffer(userId)]);

    /// <inheritdoc/>
    public Task IndexAsync(WatchedItem item, string userId, CancellationToken cancellationToken) =>
        Database.ScriptEvaluateAsync(IndexScript, [RedisKeys.Watchers(item.Key), RecordOf(item)], [userId, (long)_timeToLive.TotalSeconds]);

    /// <inheritdoc/>
    public Task UnindexAsync(WatchedItem item, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        return userIds.Count == 0
            ? Task.CompletedTask
            : Database.ScriptEvaluateAsync(UnindexScript, [RedisKeys.Watchers(item.Key), RecordOf(item)], [.. userIds.Select(user => (RedisValue)user)]);
    }

    /// <inheritdoc/>
    public Task SetOfferAsync(string userId, string offer, TimeSpan lifetime, CancellationToken cancellationToken) =>
        Database.StringSetAsync(RedisKeys.NotificationOffer(userId), offer, lifetime, flags: CommandFlags.FireAndForget);

    /// <inheritdoc/>
    public async Task<string?> GetOfferAsync(string userId, CancellationToken cancellationToken) =>
        await Database.StringGetAsync(RedisKeys.NotificationOffer(userId)).WaitAsync(cancellationToken);

    private static RedisKey RecordOf(WatchedItem item) =>
        item.Kind == WatchedItemKind.Shipment ? RedisKeys.Shipment(item.Id) : RedisKeys.InvoiceApplication(item.Id);

    private static Condition FieldIs(RedisKey key, string field, string? value) =>
        value is null ? Condition.HashNotExists(key, field) : Condition.HashEqual(key, field, value);
}

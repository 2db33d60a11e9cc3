using System.Globalization;
using System.Text.Json;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Storage;
using StackExchange.Redis;

namespace ChatPost.Bot.Broadcasts;

/// <summary>
/// <see cref="IBroadcastStore"/> on Redis: every change that spans keys is one Lua script (all keys share the
/// <c>{bc}</c> hash tag); the queue is a <see cref="RedisWorkBacklog"/> on a stream the scripts add to. A broadcast's
/// creation and its deliveries' states are durable writes (<see cref="RedisConnection.DurableDatabase"/>).
/// </summary>
public sealed partial class RedisBroadcastStore(RedisConnection redis) : IBroadcastStore
{
    /// <summary>Broadcasts, their deliveries and idempotency keys are kept this long for reports.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private IDatabase Db => redis.Database;

    /// <inheritdoc/>
    public async Task<(string Id, bool Created)> CreateAsync(Broadcast broadcast, string? idempotencyKey, AuditEntry audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        RedisKey[] keys =
        [
            RedisKeys.BroadcastIdempotency(idempotencyKey ?? ""), RedisKeys.Broadcast(broadcast.Id), RedisKeys.BroadcastState(broadcast.Id),
            RedisKeys.Deliveries(broadcast.Id), RedisKeys.DeliveryStream, RedisKeys.ScheduledBroadcasts,
            RedisKeys.ScheduledBy(broadcast.RequestedBy ?? ""), RedisKeys.Audit, RedisKeys.RemainingDeliveries(broadcast.Id),
            RedisKeys.RecentBroadcasts,
        ];
        RedisValue[] values =
        [
            broadcast.Id, JsonSerializer.Serialize(broadcast, BroadcastsJsonContext.Default.Broadcast), (long)Retention.TotalSeconds,
            idempotencyKey is null ? 0 : 1, broadcast.At?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "",
            broadcast.CreatedAt.ToUnixTimeMilliseconds(), broadcast.RequestedBy is null ? 0 : 1,
            JsonSerializer.Serialize(DeliveryState.Pending, BroadcastsJsonContext.Default.DeliveryState),
            AuditJsonContext.Serialize(audit), AuditSearch.MaxEntries,
            .. broadcast.GroupIds.Select(id => (RedisValue)id),
        ];
        var id = (string)(await redis.DurableDatabase.ScriptEvaluateAsync(CreateScript, keys, values))!;
        await redis.AcknowledgeAsync();
        return (id, id == broadcast.Id);
    }

    /// <inheritdoc/>
    public async Task<string?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        await Db.StringGetAsync(RedisKeys.BroadcastIdempotency(idempotencyKey)) is { IsNullOrEmpty: false } id ? (string?)id : null;

    /// <inheritdoc/>
    public async Task<Broadcast?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var json = await Db.StringGetAsync(RedisKeys.Broadcast(id));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)json!, BroadcastsJsonContext.Default.Broadcast);
    }

    /// <inheritdoc/>
    public async Task<BroadcastState?> GetStateAsync(string id, CancellationToken cancellationToken)
    {
        var state = await Db.StringGetAsync(RedisKeys.BroadcastState(id));
        return Enum.TryParse<BroadcastState>(state.ToString(), ignoreCase: true, out var parsed) && !state.IsNullOrEmpty ? parsed : null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, DeliveryState>> GetDeliveriesAsync(string id, CancellationToken cancellationToken)
    {
        var entries = await Db.HashGetAllAsync(RedisKeys.Deliveries(id));
        return entries.ToDictionary(entry => (string)entry.Name!, entry => Read(entry.Value), StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public async Task<DeliveryState?> GetDeliveryAsync(string id, string groupId, CancellationToken cancellationToken)
    {
        var value = await Db.HashGetAsync(RedisKeys.Deliveries(id), groupId);
        return value.IsNullOrEmpty ? null : Read(value);
    }

    /// <inheritdoc/>
    public async Task<long> SaveDeliveryAsync(string id, string groupId, DeliveryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        RedisKey[] keys = [RedisKeys.Deliveries(id), RedisKeys.FinalDeliveries(id), RedisKeys.RemainingDeliveries(id)];
        // What was sent must outlive a failover, or the group would get it again from the replica that takes over.
        var remaining = (long)await redis.DurableDatabase.ScriptEvaluateAsync(SaveDeliveryScript, keys,
            [groupId, JsonSerializer.Serialize(state, BroadcastsJsonContext.Default.DeliveryState), state.IsFinal ? 1 : 0, (long)Retention.TotalSeconds]);
        await redis.AcknowledgeAsync();
        return remaining;
    }

    /// <inheritdoc/>
    public async Task<bool> ReleaseAsync(string id, CancellationToken cancellationToken)
    {
        var broadcast = await GetAsync(id, cancellationToken);
        RedisKey[] keys = [RedisKeys.BroadcastState(id), RedisKeys.Deliveries(id), RedisKeys.DeliveryStream, RedisKeys.ScheduledBroadcasts,
            RedisKeys.ScheduledBy(broadcast?.RequestedBy ?? "")];
        return (long)await Db.ScriptEvaluateAsync(ReleaseScript, keys, [id]) == 1;
    }

    /// <inheritdoc/>
    public async Task<bool> CancelAsync(string id, AuditEntry audit, CancellationToken cancellationToken)
    {
        var broadcast = await GetAsync(id, cancellationToken);
        RedisKey[] keys = [RedisKeys.BroadcastState(id), RedisKeys.ScheduledBroadcasts, RedisKeys.ScheduledBy(broadcast?.RequestedBy ?? ""), RedisKeys.Audit];
        return (long)await Db.ScriptEvaluateAsync(CancelScript, keys,
            [id, AuditJsonContext.Serialize(audit), AuditSearch.MaxEntries]) == 1;
    }

    /// <inheritdoc/>
    public async Task<string?> LatestScheduledByAsync(string managerId, CancellationToken cancellationToken)
    {
        var latest = await Db.SortedSetRangeByRankAsync(RedisKeys.ScheduledBy(managerId), 0, 0, Order.Descending);
        return latest.Length == 0 ? null : (string?)latest[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<(string Id, DateTimeOffset At)>> ScheduledAsync(CancellationToken cancellationToken)
    {
        var entries = await Db.SortedSetRangeByRankWithScoresAsync(RedisKeys.ScheduledBroadcasts);
        return [.. entries.Select(entry => ((string)entry.Element!, DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score)))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var ids = await Db.SortedSetRangeByRankAsync(RedisKeys.RecentBroadcasts, 0, count - 1, Order.Descending);
        return [.. ids.Select(id => (string)id!)];
    }

    /// <inheritdoc/>
    public IWorkBacklog Deliveries { get; } = new RedisWorkBacklog(redis, RedisKeys.DeliveryStream);

    /// <inheritdoc/>
    public Task<bool> TryClaimSummaryAsync(string id, CancellationToken cancellationToken) =>
        Db.StringSetAsync(RedisKeys.BroadcastSummary(id), 1, Retention, When.NotExists);

    private static DeliveryState Read(RedisValue json) => JsonSerializer.Deserialize((string)json!, BroadcastsJsonContext.Default.DeliveryState)!;
}

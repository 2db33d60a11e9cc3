using StackExchange.Redis;

namespace ChatPost.Bot.Storage;

/// <summary>
/// <see cref="IWorkBacklog"/> as a Redis stream (field <c>p</c>) with the consumer group <c>workers</c>, created on
/// first use from the beginning of the stream, so items queued before any replica read are worked on too.
/// Scripts may add items themselves with <c>XADD {stream} * p {payload}</c> (see <see cref="PayloadField"/>).
/// </summary>
public sealed class RedisWorkBacklog(RedisConnection redis, RedisKey stream) : IWorkBacklog
{
    public const string ConsumerGroup = "workers";

    /// <summary>The stream entry field that holds the payload.</summary>
    public const string PayloadField = "p";

    // KEYS: the stream. ARGV: the group, the consumer, the entry ids. XCLAIM's IDLE sets how long the entries look idle:
    // a day, so that the next reclaim anywhere takes them over.
    private const string ReleaseScript = """
        local claim = {'XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0}
        for i = 3, #ARGV do claim[#claim + 1] = ARGV[i] end
        claim[#claim + 1] = 'IDLE'
        claim[#claim + 1] = 86400000
        claim[#claim + 1] = 'JUSTID'
        return #redis.call(unpack(claim))
        """;

    private Task? _group;

    /// <inheritdoc/>
    /// <remarks>Returns once a replica holds the item too, when one is to (<see cref="RedisConnection.AcknowledgeAsync"/>).</remarks>
    public async Task AddAsync(string payload, CancellationToken cancellationToken)
    {
        await redis.DurableDatabase.StreamAddAsync(stream, PayloadField, payload);
        await redis.AcknowledgeAsync();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkItem>> TakeAsync(string consumer, int max, CancellationToken cancellationToken) =>
        InGroupAsync(async () => Items(await redis.Database.StreamReadGroupAsync(stream, ConsumerGroup, consumer, StreamPosition.NewMessages, max)));

    /// <inheritdoc/>
    public Task<IReadOnlyList<WorkItem>> ReclaimAsync(string consumer, TimeSpan minIdle, int max, CancellationToken cancellationToken) =>
        InGroupAsync(async () => Items((await redis.Database.StreamAutoClaimAsync(stream, ConsumerGroup, consumer,
            (long)minIdle.TotalMilliseconds, "0-0", max)).ClaimedEntries));

    /// <inheritdoc/>
    public async Task TouchAsync(string consumer, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > 0)
        {
            // XCLAIM to ourselves with JUSTID resets the idle time without delivering the entries again.
            await redis.Database.StreamClaimIdsOnlyAsync(stream, ConsumerGroup, consumer, 0, [.. items.Select(item => (RedisValue)item.Id)]);
        }
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(string consumer, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > 0)
        {
            await redis.Database.ScriptEvaluateAsync(ReleaseScript, [stream], [ConsumerGroup, consumer, .. items.Select(item => (RedisValue)item.Id)]);
        }
    }

    /// <inheritdoc/>
    public async Task AcknowledgeAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        // Kept through a failover too: an acknowledgement lost with the primary would have the work done again.
        var transaction = redis.DurableDatabase.CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(stream, ConsumerGroup, item.Id);
        _ = transaction.StreamDeleteAsync(stream, [item.Id]);
        await transaction.ExecuteAsync();
        await redis.AcknowledgeAsync();
    }

    /// <inheritdoc/>
    public Task<long> CountAsync(CancellationToken cancellationToken) => redis.Database.StreamLengthAsync(stream);

    // The group is made once per process, but a failed attempt (Redis down when the pump first reads) is not kept,
    // and a group that went away with its stream (a Redis without persistence restarted) is made again: either way
    // the pumps would otherwise fail on every pass until the process restarts.
    private async Task<IReadOnlyList<WorkItem>> InGroupAsync(Func<Task<IReadOnlyList<WorkItem>>> read)
    {
        await EnsureGroupAsync();
        try
        {
            return await read();
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            Volatile.Write(ref _group, null);
            await EnsureGroupAsync();
            return await read();
        }
    }

    private Task EnsureGroupAsync()
    {
        var group = Volatile.Read(ref _group);
        if (group is null || group.IsFaulted || group.IsCanceled)
        {
            group = CreateGroupAsync(redis.Database, stream);
            Volatile.Write(ref _group, group); // two callers may both create: BUSYGROUP is expected then
        }

        return group;
    }

    private static async Task CreateGroupAsync(IDatabase db, RedisKey stream)
    {
        try
        {
            await db.StreamCreateConsumerGroupAsync(stream, ConsumerGroup, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another replica created it first.
        }
    }

    private static WorkItem[] Items(StreamEntry[] entries) =>
        [.. entries.Where(entry => !entry.IsNull).Select(entry => new WorkItem(entry.Id!, (string)entry[PayloadField]!))];
}

using System.Globalization;
using ChatPost.Bot.Audit;
using ChatPost.Bot.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatPost.Bot.Knowledge;

/// <summary>
/// <see cref="IKnowledgeStore"/> on Redis: every key under the admin hash tag <c>{bc}</c>, a write one Lua script (entries,
/// histories, revision and audit lines together, so a replica never sees half of an import).
/// </summary>
public sealed class RedisKnowledgeStore(RedisConnection redis, IOptions<KnowledgeOptions> options) : IKnowledgeStore
{
    // KEYS: revision, entries, versions, audit, history of each version in order.
    // ARGV: onlyIfEmpty, historyLength, auditLength, n, then n × (id, version, json, present), then the audit lines.
    // Returns {0, revision} when written, {1, revision} when the store was not empty, {2, id, version} on a conflict.
    private const string WriteScript = """
        if ARGV[1] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then return {1, tonumber(redis.call('GET', KEYS[1]))} end
        local n = tonumber(ARGV[4])
        for i = 0, n - 1 do
          local current = tonumber(redis.call('HGET', KEYS[3], ARGV[5 + i * 4]) or '0')
          if current + 1 ~= tonumber(ARGV[6 + i * 4]) then return {2, ARGV[5 + i * 4], current} end
        end
        for i = 0, n - 1 do
          local id, json = ARGV[5 + i * 4], ARGV[7 + i * 4]
          redis.call('HSET', KEYS[3], id, ARGV[6 + i * 4])
          if ARGV[8 + i * 4] == '1' then redis.call('HSET', KEYS[2], id, json) else redis.call('HDEL', KEYS[2], id) end
          redis.call('LPUSH', KEYS[5 + i], json)
          redis.call('LTRIM', KEYS[5 + i], 0, tonumber(ARGV[2]) - 1)
        end
        for j = 5 + n * 4, #ARGV do redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', 'e', ARGV[j]) end
        return {0, redis.call('INCR', KEYS[1])}
        """;

    // KEYS: revision, entries. Both read at one point in time.
    private const string ReadScript = """
        return {redis.call('GET', KEYS[1]) or '0', redis.call('HVALS', KEYS[2])}
        """;

    private IDatabase Db => redis.Database;

    /// <inheritdoc/>
    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken) =>
        (long?)await Db.StringGetAsync(RedisKeys.KnowledgeRevision) ?? 0;

    /// <inheritdoc/>
    public async Task<KnowledgeSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(ReadScript, [RedisKeys.KnowledgeRevision, RedisKeys.KnowledgeEntries]))!;
        var entries = (RedisResult[])result[1]!;
        return new KnowledgeSnapshot(long.Parse((string)result[0]!, CultureInfo.InvariantCulture),
            [.. entries.Select(json => KnowledgeJsonContext.Deserialize((string)json!))]);
    }

    /// <inheritdoc/>
    public async Task<FaqEntryVersion?> GetLatestAsync(string id, CancellationToken cancellationToken)
    {
        var json = await Db.ListGetByIndexAsync(RedisKeys.KnowledgeHistory(id), 0);
        return json.IsNullOrEmpty ? null : KnowledgeJsonContext.Deserialize((string)json!);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FaqEntryVersion>> GetHistoryAsync(string id, CancellationToken cancellationToken)
    {
        var versions = await Db.ListRangeAsync(RedisKeys.KnowledgeHistory(id));
        return [.. versions.Select(json => KnowledgeJsonContext.Deserialize((string)json!))];
    }

    /// <inheritdoc/>
    public async Task<KnowledgeWrite> WriteAsync(IReadOnlyList<FaqEntryVersion> versions, IReadOnlyList<AuditEntry> audit, bool onlyIfEmpty,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(audit);
        RedisKey[] keys =
        [
            RedisKeys.KnowledgeRevision, RedisKeys.KnowledgeEntries, RedisKeys.KnowledgeVersions, RedisKeys.Audit,
            .. versions.Select(version => RedisKeys.KnowledgeHistory(version.Id)),
        ];
        RedisValue[] values =
        [
            onlyIfEmpty ? 1 : 0, options.Value.HistoryLength, AuditSearch.MaxEntries, versions.Count,
            .. versions.SelectMany(version => new RedisValue[]
            {
                version.Id, version.Version, KnowledgeJsonContext.Serialize(version), version.IsDeletion ? 0 : 1,
            }),
            .. audit.Select(line => (RedisValue)AuditJsonContext.Serialize(line)),
        ];
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(WriteScript, keys, values))!;
        return (int)result[0] switch
        {
            0 => new KnowledgeWrite(true, (long)result[1]),
            1 => new KnowledgeWrite(false, (long)result[1]),
            _ => new KnowledgeWrite(false, await GetRevisionAsync(cancellationToken), (string)result[1]!, (int)result[2]),
        };
    }
}
